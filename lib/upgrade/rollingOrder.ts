import type { RecipeNode } from "../recipes/recipeTypes.ts";

// Client-safe: the order a rolling upgrade restarts nodes in, and why, for the plan and the dry run.

export interface RollingStop {
  node: RecipeNode;
  /** Shown in the dry run and the runbook beside the node. */
  reason: string;
}

/** The leading master's address, or null when Armdeck does not know it (no fresh /master/state). */
export type KnownLeader = { address: string } | null;

const byName = (a: RecipeNode, b: RecipeNode) => a.name.localeCompare(b.name);

/**
 * Masters first, the non-leaders first and the leading master last, so the cluster changes leader
 * once; then agents, one at a time (their tasks are rescheduled by Marathon while each is down).
 * Masters before agents is Mesos's own upgrade procedure ("Install the new master binaries and
 * restart the masters. Install the new agent binaries and restart the agents.", docs/upgrades.md
 * of every release): a master supports agents older than itself, not newer ones. With no known
 * leader the masters go by name, and the last one is last by position only.
 */
export function rollingOrder(nodes: RecipeNode[], leader: KnownLeader): RollingStop[] {
  const agents = nodes.filter((n) => n.isAgent && !n.isMaster).sort(byName);
  const masters = nodes.filter((n) => n.isMaster).sort(byName);
  const leading = leader ? masters.find((m) => m.address === leader.address) : undefined;
  const agentReason = "agent, after every master: drained one at a time, its tasks rescheduled by Marathon (the stand-in has no Mesos maintenance)";
  const order: RollingStop[] = [];
  for (const node of masters.filter((m) => m !== leading)) {
    order.push({ node, reason: leading ? `master, not leading (the leader is ${leading.name})` : "master (the leader was unknown: ordered by name)" });
  }
  if (leading) order.push({ node: leading, reason: "leading master, last of the masters: the cluster elects another leader once" });
  else if (order.length) order[order.length - 1]!.reason = "master, last of the masters by position only: the leader was unknown when the plan was made";
  order.push(...agents.map((node) => ({ node, reason: agentReason })));
  return order;
}
