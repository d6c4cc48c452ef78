import { apiRoute } from "@/lib/api/apiRoute";
import { resourcesPanel } from "@/lib/panels/clusterPanels";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params }) => resourcesPanel(params.id));
