import { apiRoute } from "@/lib/api/apiRoute";
import { overviewContext } from "@/lib/cluster/clusterPanelContext";
import { clusterIdParam, getCluster } from "@/lib/cluster/clusters";
import { overviewPanel } from "@/lib/panels/clusterPanels";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params }) => {
  const cluster = await getCluster(await clusterIdParam(params.id));
  return overviewPanel(String(cluster.id), await overviewContext(cluster));
});
