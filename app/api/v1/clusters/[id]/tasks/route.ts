import { apiRoute } from "@/lib/api/apiRoute";
import { tasksPanel } from "@/lib/panels/clusterPanels";
import { tasksQuerySchema } from "@/lib/panels/tasksQuery";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, query }) => tasksPanel(params.id, query(tasksQuerySchema)));
