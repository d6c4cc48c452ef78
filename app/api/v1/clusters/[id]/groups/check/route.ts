import { apiRoute } from "@/lib/api/apiRoute";
import { checkOnCluster } from "@/lib/deploy/clusterCheck";
import { groupBodySchema } from "@/lib/deploy/deployInput";
import { clusterPanelPoller } from "@/lib/panels/clusterPanelPoller";

// Nothing is sent to Marathon: the check reads what the cluster's poller has cached.
export const POST = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, body }) => {
  const group = await body(groupBodySchema);
  return checkOnCluster(await clusterPanelPoller(params.id), group);
});
