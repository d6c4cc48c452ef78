import { db } from "../db/client.ts";
import { findSameMachineNodes } from "../nodes/findSameMachineNodes.ts";
import { describeSameMachine } from "../nodes/sameMachine.ts";
import type { CheckResult } from "./checkNames.ts";

/**
 * The same machine enrolled twice (same pinned host key, or same address and port), in any
 * cluster: a plan would then run every step on it twice, racing itself.
 */
export async function duplicateChecks(nodeIds: string[]): Promise<CheckResult[]> {
  const nodes = await db.node.findMany({ where: { id: { in: nodeIds } }, orderBy: { name: "asc" } });
  return Promise.all(
    nodes.map(async (n): Promise<CheckResult> => {
      const others = (await findSameMachineNodes(n)).filter((o) => o.id !== n.id);
      const base = { nodeId: n.id, node: n.name, check: "duplicate" };
      if (others.length === 0) return { ...base, status: "ok", detail: "enrolled once" };
      return { ...base, status: "fail", detail: `the same machine as ${describeSameMachine(others)}: delete one of them from the inventory` };
    }),
  );
}
