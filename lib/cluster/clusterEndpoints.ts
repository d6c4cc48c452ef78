import type { ClusterSettings } from "./clusterSettingsSchema.ts";
import type { ClusterKindName } from "./clusterInput.ts";

// The one place a cluster's Mesos and Marathon URLs come from. An adopted cluster has the URLs its
// operator registered; a provisioned one has them derived from its master nodes and settings (the
// recipes start the masters on exactly these ports), unless its own lists override them.

export interface EndpointNode {
  /** The address Armdeck reaches the node at; the node's own IP (facts.ip) is preferred when known. */
  address: string;
  ip?: string | null;
  role: string;
}

export interface EndpointCluster {
  kind: ClusterKindName;
  mesosMasters: string[];
  marathon: string[];
  settings: Pick<ClusterSettings, "mesosMasterPort" | "marathonPort"> | null;
  nodes: EndpointNode[];
}

export interface ClusterEndpoints {
  mesosMasters: string[];
  marathon: string[];
  /** Where the lists came from: registered (adopted or overridden) or derived from nodes and settings. */
  derived: { mesosMasters: boolean; marathon: boolean };
}

/** host:port for a URL: an IPv6 address goes in brackets. */
export function urlHostPort(address: string, port: number): string {
  return address.includes(":") ? `[${address}]:${port}` : `${address}:${port}`;
}

export function clusterEndpoints(cluster: EndpointCluster): ClusterEndpoints {
  if (cluster.kind === "adopted") return { mesosMasters: cluster.mesosMasters, marathon: cluster.marathon, derived: { mesosMasters: false, marathon: false } };
  const masters = cluster.nodes.filter((n) => n.role === "master" || n.role === "both").map((n) => n.ip ?? n.address);
  const mesosPort = cluster.settings?.mesosMasterPort ?? 5050;
  const marathonPort = cluster.settings?.marathonPort ?? 8080;
  const mesosDerived = cluster.mesosMasters.length === 0;
  const marathonDerived = cluster.marathon.length === 0;
  return {
    mesosMasters: mesosDerived ? masters.map((a) => `http://${urlHostPort(a, mesosPort)}`) : cluster.mesosMasters,
    // The recipes run Marathon beside each Mesos master.
    marathon: marathonDerived ? masters.map((a) => `http://${urlHostPort(a, marathonPort)}`) : cluster.marathon,
    derived: { mesosMasters: mesosDerived, marathon: marathonDerived },
  };
}
