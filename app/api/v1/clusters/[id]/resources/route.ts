import { apiRoute } from "@/lib/api/apiRoute";
import { archByHostname } from "@/lib/cluster/clusterPanelContext";
import { clusterIdParam, getCluster } from "@/lib/cluster/clusters";
import { resourcesPanel } from "@/lib/panels/clusterPanels";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params }) => {
  const cluster = await getCluster(await clusterIdParam(params.id));
  return resourcesPanel(String(cluster.id), await archByHostname(cluster));
});
