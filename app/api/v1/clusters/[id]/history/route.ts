import { apiRoute } from "@/lib/api/apiRoute";
import { clusterIdParam, getCluster } from "@/lib/cluster/clusters";
import { historyQuerySchema } from "@/lib/history/historyQuery";
import { readResourceHistory } from "@/lib/history/resourceHistoryStore";

// Served from the database the poller's listener fills: a chart never costs the master a request.
export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, query }) => {
  const cluster = await getCluster(await clusterIdParam(params.id));
  return readResourceHistory(cluster.id, query(historyQuerySchema), Date.now());
});
