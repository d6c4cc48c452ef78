import { apiRoute } from "@/lib/api/apiRoute";
import { clusterIdParam, getCluster } from "@/lib/cluster/clusters";
import { weaveDnsPanel } from "@/lib/weave/weavePanels";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params }) => {
  return weaveDnsPanel(await getCluster(await clusterIdParam(params.id)));
});
