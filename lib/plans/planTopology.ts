import { ensembleUrl, mastersInOrder } from "../recipes/recipeContext.ts";
import type { RecipeNode } from "../recipes/recipeTypes.ts";
import { quorumOf } from "../cluster/masterCount.ts";

// The cluster's shape as the recipes configure it, shown at the top of the dry run and the runbook
// so an operator sees the ensemble before reading any script.

export interface PlanTopology {
  masters: { name: string; address: string; zookeeperId: number; alsoAgent: boolean }[];
  /** Mesos's --quorum and the ZooKeeper majority. */
  quorum: number;
  agents: { name: string; address: string }[];
  zk: { mesos: string; marathon: string };
}

export function planTopology(nodes: RecipeNode[], zookeeperPort: number): PlanTopology {
  const masters = mastersInOrder(nodes);
  return {
    masters: masters.map((m, i) => ({ name: m.name, address: m.address, zookeeperId: i + 1, alsoAgent: m.isAgent })),
    quorum: quorumOf(masters.length),
    agents: nodes.filter((n) => n.isAgent).map((n) => ({ name: n.name, address: n.address })),
    zk: { mesos: ensembleUrl(masters, zookeeperPort, "mesos"), marathon: ensembleUrl(masters, zookeeperPort, "marathon") },
  };
}

/** The topology in plain lines (the runbook's header comments). */
export function topologyLines(t: PlanTopology): string[] {
  const tolerates = t.masters.length - t.quorum;
  return [
    `Masters (${t.masters.length}, quorum ${t.quorum}: survives ${tolerates} master${tolerates === 1 ? "" : "s"} down): ${t.masters.map((m) => `${m.name} (${m.address}, ZooKeeper id ${m.zookeeperId}${m.alsoAgent ? ", also an agent" : ""})`).join(", ")}`,
    `Agents (${t.agents.length}): ${t.agents.length ? t.agents.map((a) => `${a.name} (${a.address})`).join(", ") : "none"}`,
    `Mesos: ${t.zk.mesos}`,
    `Marathon: ${t.zk.marathon}`,
  ];
}
