import { apiRoute } from "@/lib/api/apiRoute";
import { retryPlanRun } from "@/lib/jobs/planRuns";

export const POST = apiRoute<{ id: string }>({ role: "operator" }, async ({ params, actor }) => retryPlanRun(params.id, actor));
