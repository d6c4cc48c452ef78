import type { PollSource, PollSources } from "./pollSource.ts";

// What Armdeck polls on a cluster and how often: the one table to read when asking "how much load
// does Armdeck put on my masters". The fetchers come from the typed clients (lib/mesos,
// lib/marathon) bound to the cluster's registered endpoints; a cluster without Marathon, or a
// provisioned one without Weave, simply passes fewer fetchers.

export interface ClusterFetchers<MesosState, Groups, Deployments, Queue, Weave, Info = unknown, Ensemble = unknown> {
  mesosState?: PollSource<MesosState>["fetch"];
  marathonGroups?: PollSource<Groups>["fetch"];
  marathonDeployments?: PollSource<Deployments>["fetch"];
  marathonQueue?: PollSource<Queue>["fetch"];
  /** /v2/info: Marathon's version for the overview; it changes only on an upgrade. */
  marathonInfo?: PollSource<Info>["fetch"];
  /** `srvr` to each ZooKeeper member in turn (a provisioned cluster's masters), on its own lane. */
  zookeeperSrvr?: PollSource<Ensemble>["fetch"];
  /** Over the cluster's pinned SSH connections (weave status on each node), hence its own lane. */
  weaveStatus?: PollSource<Weave>["fetch"];
  /** The ids in a /v2/deployments reply, so a follow lease ends once its deployment is gone. */
  deploymentIds?: (deployments: Deployments) => string[];
}

export const SOURCE_INTERVALS = {
  "mesos.state": 5_000,
  "marathon.groups": 5_000,
  "marathon.deployments": 5_000,
  "marathon.deployments.followed": 2_000,
  "marathon.queue": 5_000,
  "marathon.info": 60_000,
  // While the Marathon event stream is live its events refresh these early; the timer is the
  // safety net for an event the stream never delivered, not the way changes are noticed.
  "marathon.groups.events": 30_000,
  "marathon.deployments.events": 30_000,
  "marathon.deployments.followed.events": 10_000,
  "weave.status": 60_000,
  "zookeeper.srvr": 10_000,
} as const;

export function clusterSources<MesosState, Groups, Deployments, Queue, Weave, Info = unknown, Ensemble = unknown>(
  f: ClusterFetchers<MesosState, Groups, Deployments, Queue, Weave, Info, Ensemble>,
): PollSources<Record<string, unknown>> {
  const sources: PollSources<Record<string, unknown>> = {};
  if (f.mesosState) sources["mesos.state"] = { upstream: "mesos", intervalMs: SOURCE_INTERVALS["mesos.state"], fetch: f.mesosState };
  if (f.marathonGroups) {
    sources["marathon.groups"] = { upstream: "marathon", intervalMs: SOURCE_INTERVALS["marathon.groups"], eventIntervalMs: SOURCE_INTERVALS["marathon.groups.events"], fetch: f.marathonGroups };
  }
  if (f.marathonDeployments) {
    const ids = f.deploymentIds;
    const deployments: PollSource<Deployments> = {
      upstream: "marathon",
      intervalMs: SOURCE_INTERVALS["marathon.deployments"],
      followedIntervalMs: SOURCE_INTERVALS["marathon.deployments.followed"],
      eventIntervalMs: SOURCE_INTERVALS["marathon.deployments.events"],
      eventFollowedIntervalMs: SOURCE_INTERVALS["marathon.deployments.followed.events"],
      // A deployment's events are a handful per step: the operator sees each step within a second.
      eventRefresh: "on-demand",
      fetch: f.marathonDeployments,
      leaseEnded: ids ? (d, key) => !ids(d).includes(key) : undefined,
    };
    sources["marathon.deployments"] = deployments;
  }
  // The queue only says something while a deployment waits; nobody needs it kept warm. Its offer
  // funnel changes with every offer cycle, which no event reports: it keeps its interval.
  if (f.marathonQueue) sources["marathon.queue"] = { upstream: "marathon", intervalMs: SOURCE_INTERVALS["marathon.queue"], keepAliveMs: null, fetch: f.marathonQueue };
  // Slow even while watched, and kept alive at the poller's keep-alive: a version, not a state.
  if (f.marathonInfo) sources["marathon.info"] = { upstream: "marathon", intervalMs: SOURCE_INTERVALS["marathon.info"], fetch: f.marathonInfo };
  if (f.weaveStatus) sources["weave.status"] = { upstream: "ssh", intervalMs: SOURCE_INTERVALS["weave.status"], keepAliveMs: null, fetch: f.weaveStatus };
  // Cheap (one short TCP exchange per member) but not kept warm: only the overview shows it.
  if (f.zookeeperSrvr) sources["zookeeper.srvr"] = { upstream: "zookeeper", intervalMs: SOURCE_INTERVALS["zookeeper.srvr"], keepAliveMs: null, fetch: f.zookeeperSrvr };
  return sources;
}
