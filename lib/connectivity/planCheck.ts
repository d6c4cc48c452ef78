import type { CheckLayout } from "./checkLayout.ts";
import type { GroupContainer } from "./groupContainers.ts";
import type { NodeCheckPlan } from "./nodeCheckScript.ts";

// From the group's containers and their Weave IPs to the stored layout (rows, columns, notes) and
// each node's share of it: its own containers as rows, every name and IP as columns.

export function planLayout(groupId: string, containers: readonly GroupContainer[], ipOf: (c: GroupContainer) => string | null, notes: readonly string[], installPing = false): CheckLayout {
  const rows = containers.map((c) => ({ app: c.app, task: c.task, nodeId: c.nodeId, node: c.node, container: c.container, ip: ipOf(c), hostname: c.hostname }));
  const names = [...new Set(rows.map((r) => r.hostname).filter((h): h is string => h !== null))];
  const targets = rows.flatMap((r, i) => (r.ip ? [{ ip: r.ip, container: i }] : []));
  return { groupId, containers: rows, names, targets, notes: [...notes], installPing };
}

export function nodePlans(layout: CheckLayout): Map<string, NodeCheckPlan> {
  const names = layout.names.map((fqdn, column) => ({ column, fqdn }));
  const ips = layout.targets.map((t, i) => ({ column: layout.names.length + i, ip: t.ip }));
  const plans = new Map<string, NodeCheckPlan>();
  layout.containers.forEach((c, row) => {
    const plan = plans.get(c.nodeId) ?? { containers: [], names, ips, installPing: layout.installPing };
    plan.containers.push({ row, name: c.container });
    plans.set(c.nodeId, plan);
  });
  return plans;
}
