import { db } from "../db/client.ts";
import { ConflictError, ValidationError } from "../errors.ts";
import { recipeNodeOf } from "../jobs/recipeNodes.ts";
import { nodeFactsSchema } from "../nodes/nodeFacts.ts";
import type { CheckResult } from "./checkNames.ts";
import type { ProbeNode } from "./preflightTargets.ts";

/**
 * A cluster's nodes for a probe run (all, or the chosen ones). A node that cannot be asked (no
 * facts yet, host key changed) is not an error of the run: it is a red "ssh" finding with why.
 */
export async function loadProbeNodes(clusterId: number, nodeIds?: string[]): Promise<{ all: ProbeNode[]; chosen: ProbeNode[]; refused: CheckResult[] }> {
  const rows = await db.node.findMany({ where: { clusterId }, orderBy: { name: "asc" } });
  if (rows.length === 0) throw new ConflictError("No nodes yet: add the cluster's machines first");
  const unknown = (nodeIds ?? []).filter((id) => !rows.some((r) => r.id === id));
  if (unknown.length) throw new ValidationError({ nodeIds: `Not a node of this cluster: ${unknown.join(", ")}` });
  const all: ProbeNode[] = [];
  const refused: CheckResult[] = [];
  for (const n of rows) {
    const facts = n.facts ? nodeFactsSchema.safeParse(JSON.parse(n.facts)) : null;
    const fail = (detail: string) => refused.push({ nodeId: n.id, node: n.name, check: "ssh", status: "fail", detail });
    if (n.lastErrorKind === "host_key_changed") fail("its host key changed: an admin must re-pin it before Armdeck connects again");
    else if (!facts?.success) fail("no facts yet: re-check the node in the inventory first");
    else {
      all.push({ ...recipeNodeOf(n, facts.data), hostname: facts.data.hostname });
    }
  }
  const wanted = (id: string) => !nodeIds?.length || nodeIds.includes(id);
  return { all, chosen: all.filter((n) => wanted(n.id)), refused: refused.filter((r) => wanted(r.nodeId)) };
}
