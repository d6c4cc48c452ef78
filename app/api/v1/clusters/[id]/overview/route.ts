import { apiRoute } from "@/lib/api/apiRoute";
import { overviewPanel } from "@/lib/panels/clusterPanels";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params }) => overviewPanel(params.id));
