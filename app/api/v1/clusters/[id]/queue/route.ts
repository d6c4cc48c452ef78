import { apiRoute } from "@/lib/api/apiRoute";
import { queuePanel } from "@/lib/panels/clusterPanels";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params }) => queuePanel(params.id));
