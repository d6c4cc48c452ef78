import { db } from "../db/client.ts";
import { ConflictError } from "../errors.ts";
import { nodeFactsSchema, type NodeFacts } from "../nodes/nodeFacts.ts";
import type { RecipeNode } from "../recipes/recipeTypes.ts";

/** A node with its facts as the recipes (and the probe runs) see it. */
export function recipeNodeOf(n: { id: string; name: string; address: string; role: string }, facts: NodeFacts): RecipeNode {
  return {
    id: n.id,
    name: n.name,
    // Mesos's --ip takes an IP, so a node added by name uses the IP its SSH server reported.
    address: facts.ip ?? n.address,
    arch: facts.arch,
    cpus: facts.cpus,
    osId: facts.osId,
    osVersion: facts.osVersion,
    systemd: facts.systemd,
    isMaster: n.role === "master" || n.role === "both",
    isAgent: n.role === "agent" || n.role === "both",
  };
}

/** One cluster's nodes as the recipes see them; a node Armdeck cannot act on yet is refused with the reason. */
export async function loadRecipeNodes(clusterId: number): Promise<RecipeNode[]> {
  const rows = await db.node.findMany({ where: { clusterId }, orderBy: { name: "asc" } });
  if (rows.length === 0) throw new ConflictError("No nodes yet: add the cluster's machines first");
  return rows.map((n) => {
    const facts = n.facts ? nodeFactsSchema.safeParse(JSON.parse(n.facts)) : null;
    if (!facts?.success) throw new ConflictError(`${n.name} has no facts yet: re-check it first`);
    if (facts.data.sudo === "needs-password") {
      throw new ConflictError(`${n.name}: user ${n.username} cannot sudo without a password; use root or allow NOPASSWD sudo`);
    }
    if (n.lastErrorKind === "host_key_changed") throw new ConflictError(`${n.name}: its host key changed; an admin must re-pin it first`);
    return recipeNodeOf(n, facts.data);
  });
}
