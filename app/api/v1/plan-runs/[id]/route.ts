import { apiRoute } from "@/lib/api/apiRoute";
import { getPlanRun } from "@/lib/jobs/getPlanRun";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params }) => getPlanRun(params.id));
