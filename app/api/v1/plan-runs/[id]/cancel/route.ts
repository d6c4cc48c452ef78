import { apiRoute } from "@/lib/api/apiRoute";
import { cancelPlanRun } from "@/lib/jobs/planRuns";

export const POST = apiRoute<{ id: string }>({ role: "operator" }, async ({ params, actor }) => {
  await cancelPlanRun(params.id, actor);
  return { ok: true };
});
