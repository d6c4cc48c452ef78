import { MarathonClient } from "../marathon/marathonClient.ts";
import { MesosClient } from "../mesos/mesosClient.ts";
import { sharedConnectionPool } from "../ssh/sharedPool.ts";
import { readClusterWeave } from "../weave/readClusterWeave.ts";
import { clusterSources } from "../upstream/clusterSources.ts";
import { probeEnsemble } from "../zookeeper/ensembleProbe.ts";
import { ensembleMembers } from "./ensembleMembers.ts";
import type { PollSources } from "../upstream/pollSource.ts";
import { findCluster } from "./clusters.ts";

// What the poller of one cluster fetches, bound to that cluster's endpoints (clusterEndpoints).
// One client per upstream, kept for the poller's life, so the leader each learns is asked first
// next time. Each source caches the client's whole reply: data plus who answered and who leads,
// which the panels show. A cluster without Marathon simply has no Marathon sources.

export async function clusterPollSources(clusterId: string): Promise<PollSources<Record<string, unknown>> | null> {
  const id = /^[1-9][0-9]{0,9}$/.test(clusterId) ? Number(clusterId) : null;
  const cluster = id === null ? null : await findCluster(id);
  if (!cluster) return null;
  const { mesosMasters, marathon } = cluster.endpoints;
  const mesos = mesosMasters.length ? new MesosClient({ masters: mesosMasters }) : null;
  const mara = marathon.length ? new MarathonClient({ instances: marathon }) : null;
  // Weave is read over SSH on a provisioned cluster's own nodes, through the runner's pool.
  const weaveNodes = cluster.kind === "provisioned" ? cluster.nodes.map((n) => ({ id: n.id, name: n.name, address: n.address })) : [];
  return clusterSources({
    mesosState: mesos ? () => mesos.state() : undefined,
    marathonGroups: mara ? () => mara.groups() : undefined,
    marathonDeployments: mara ? () => mara.deployments() : undefined,
    marathonQueue: mara ? () => mara.queue({ lastUnusedOffers: true }) : undefined,
    marathonInfo: mara ? () => mara.info() : undefined,
    zookeeperSrvr: cluster.kind === "provisioned" && cluster.settings ? ((members) => (signal: AbortSignal) => probeEnsemble(members, signal))(ensembleMembers(cluster.nodes, cluster.settings.zookeeperPort)) : undefined,
    weaveStatus: weaveNodes.length ? (signal) => readClusterWeave(sharedConnectionPool(), weaveNodes, signal) : undefined,
    deploymentIds: (reply) => reply.data.map((d) => d.id),
  });
}
