import { apiRoute } from "@/lib/api/apiRoute";
import { getJob } from "@/lib/jobs/getJob";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params }) => getJob(params.id));
