import { apiRoute } from "@/lib/api/apiRoute";
import { groupsPanel } from "@/lib/panels/clusterPanels";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params }) => groupsPanel(params.id));
