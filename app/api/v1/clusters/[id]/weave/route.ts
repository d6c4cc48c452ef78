import { apiRoute } from "@/lib/api/apiRoute";
import { clusterIdParam, getCluster } from "@/lib/cluster/clusters";
import { weaveRoutersPanel } from "@/lib/weave/weavePanels";
import { weaveQuerySchema } from "@/lib/weave/weaveQuery";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, query }) => {
  return weaveRoutersPanel(await getCluster(await clusterIdParam(params.id)), query(weaveQuerySchema));
});
