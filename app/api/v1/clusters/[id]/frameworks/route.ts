import { apiRoute } from "@/lib/api/apiRoute";
import { frameworksPanel } from "@/lib/panels/clusterPanels";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params }) => frameworksPanel(params.id));
