import { apiRoute } from "@/lib/api/apiRoute";
import { deploymentsPanel } from "@/lib/panels/clusterPanels";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params }) => deploymentsPanel(params.id));
