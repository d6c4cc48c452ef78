import { apiRoute } from "@/lib/api/apiRoute";
import { cancelJob } from "@/lib/jobs/planRuns";

export const POST = apiRoute<{ id: string }>({ role: "operator" }, async ({ params, actor }) => {
  await cancelJob(params.id, actor);
  return { ok: true };
});
