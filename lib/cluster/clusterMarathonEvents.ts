import { marathonEventEndpoint } from "../marathon/marathonEventEndpoint.ts";
import type { MarathonEventEndpoint } from "../upstream/marathonEventFeed.ts";
import { findCluster } from "./clusters.ts";

/** Where the poller's event feed subscribes for one cluster: its registered Marathon instances, or null without Marathon. */
export async function clusterMarathonEvents(clusterId: string): Promise<MarathonEventEndpoint | null> {
  const id = /^[1-9][0-9]{0,9}$/.test(clusterId) ? Number(clusterId) : null;
  const cluster = id === null ? null : await findCluster(id);
  const instances = cluster?.endpoints.marathon ?? [];
  return instances.length ? marathonEventEndpoint(instances) : null;
}
