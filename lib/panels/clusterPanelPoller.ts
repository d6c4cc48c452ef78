import { NotFoundError, ServiceUnavailableError } from "../errors.ts";
import type { ClusterPoller } from "../upstream/clusterPoller.ts";
import { PollersNotRunningError, pollerFor, UnknownClusterError } from "../upstream/pollers.ts";

// The cluster's poller for a panel route, its failures as the statuses the API promises: an
// unknown cluster is a 404, pollers not running (a server started without them) a 503.

export async function clusterPanelPoller(clusterId: string): Promise<ClusterPoller> {
  try {
    return await pollerFor(clusterId);
  } catch (error) {
    if (error instanceof UnknownClusterError) throw new NotFoundError("Cluster");
    if (error instanceof PollersNotRunningError) throw new ServiceUnavailableError(error.message);
    throw error;
  }
}
