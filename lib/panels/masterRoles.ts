import type { EnsembleView } from "../zookeeper/ensembleView.ts";

// "m2 (192.0.2.12): Mesos leader, Marathon standby, ZooKeeper follower": each master's part in the
// three elections, matched by address (the recipes start Mesos and Marathon with --hostname set to
// the node's address, so the leaders they name are addresses).

export interface MasterRoles {
  node: string;
  address: string;
  mesos: "leader" | "standby" | "unknown";
  marathon: "leader" | "standby" | "unknown";
  /** ZooKeeper's Mode, or null when the member does not serve. */
  zookeeper: string | null;
  line: string;
}

/** The host of "host:port" or "[v6]:port", lower-cased. */
function hostOf(authority: string | null): string | null {
  if (!authority) return null;
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(authority);
  if (v6) return v6[1]!.toLowerCase();
  const colon = authority.lastIndexOf(":");
  return (colon > 0 ? authority.slice(0, colon) : authority).toLowerCase();
}

export function masterRoles(ensemble: EnsembleView, mesosLeader: string | null, marathonLeader: string | null): MasterRoles[] {
  const mesosHost = hostOf(mesosLeader);
  const marathonHost = hostOf(marathonLeader);
  return ensemble.nodes.map((n) => {
    const address = n.address.toLowerCase();
    const mesos = mesosHost === null ? "unknown" : mesosHost === address ? "leader" : "standby";
    const marathon = marathonHost === null ? "unknown" : marathonHost === address ? "leader" : "standby";
    const zk = n.mode ?? `not serving${n.detail ? ` (${n.detail})` : ""}`;
    const word = (what: string, role: string) => (role === "unknown" ? `${what}: no leader known` : `${what} ${role}`);
    return { node: n.node, address: n.address, mesos, marathon, zookeeper: n.mode, line: `${n.node} (${n.address}): ${word("Mesos", mesos)}, ${word("Marathon", marathon)}, ZooKeeper ${zk}` };
  });
}
