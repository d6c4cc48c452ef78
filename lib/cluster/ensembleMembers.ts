import type { EnsembleMember } from "../zookeeper/ensembleProbe.ts";
import type { EndpointNode } from "./clusterEndpoints.ts";

/**
 * A provisioned cluster's ZooKeeper members: its masters, in the recipes' ensemble order (by name),
 * at the address the recipes bind clientPortAddress to (and give Mesos and Marathon as --hostname):
 * the node's own IP when known, as recipeNodeOf picks it.
 */
export function ensembleMembers(nodes: (EndpointNode & { name: string })[], port: number): EnsembleMember[] {
  return nodes
    .filter((n) => n.role === "master" || n.role === "both")
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((n) => ({ node: n.name, address: n.ip ?? n.address, port }));
}
