import { apiRoute } from "@/lib/api/apiRoute";
import { clusterIdParam, getCluster } from "@/lib/cluster/clusters";
import { weaveRoutersPanel } from "@/lib/weave/weavePanels";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params }) => {
  return weaveRoutersPanel(await getCluster(await clusterIdParam(params.id)));
});
