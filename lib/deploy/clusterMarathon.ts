// A cluster's poller and a Marathon client for its writes. Writes go through the poller's
// Marathon lane (exclusive), in turn with the polls, so a deploy never goes out beside a poll.

import { findCluster } from "../cluster/clusters.ts";
import { AppError, NotFoundError } from "../errors.ts";
import { MarathonClient } from "../marathon/marathonClient.ts";
import { clusterPanelPoller } from "../panels/clusterPanelPoller.ts";
import type { ClusterPoller } from "../upstream/clusterPoller.ts";
import { refusalOf } from "./marathonRefusal.ts";
import type { Json } from "./groupTree.ts";

export interface ClusterMarathon {
  clusterId: number;
  poller: ClusterPoller;
  client: MarathonClient;
  /** Runs one write on the Marathon lane; Marathon's refusals become Armdeck's 409/422/502. */
  write<T>(task: (client: MarathonClient) => Promise<T>, body?: Json, appPointers?: readonly string[]): Promise<T>;
}

export async function clusterMarathon(rawId: string): Promise<ClusterMarathon> {
  const id = /^[1-9][0-9]{0,9}$/.test(rawId) ? Number(rawId) : null;
  const cluster = id === null ? null : await findCluster(id);
  if (!cluster) throw new NotFoundError("Cluster");
  if (!cluster.endpoints.marathon.length) throw new AppError("This cluster has no Marathon registered", 404, "not_registered");
  const poller = await clusterPanelPoller(rawId);
  const client = new MarathonClient({ instances: cluster.endpoints.marathon });
  return {
    clusterId: cluster.id,
    poller,
    client,
    async write(task, body, appPointers) {
      try {
        // The client's own read timeout (8 s) ends a write well before the lane's abort signal
        // would (30 s), so the lane is never freed while a request is still out.
        return await poller.exclusive("marathon", () => task(client));
      } catch (error) {
        throw refusalOf(error, body, appPointers);
      }
    },
  };
}
