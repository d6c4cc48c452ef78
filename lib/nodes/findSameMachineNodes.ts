import { db } from "../db/client.ts";
import type { SameMachineNode } from "./sameMachine.ts";

/**
 * Nodes that are the machine at this address and port, or that pinned this host key. Host names
 * compare without case, as DNS does; SQLite's `=` would not.
 */
export async function findSameMachineNodes(where: { address: string; port: number; hostKeyFingerprint: string }): Promise<SameMachineNode[]> {
  const candidates = await db.node.findMany({
    where: { OR: [{ hostKeyFingerprint: where.hostKeyFingerprint }, { port: where.port }] },
    orderBy: { name: "asc" },
  });
  const address = where.address.toLowerCase();
  return candidates
    .map((n) => ({
      id: n.id,
      name: n.name,
      address: n.address,
      port: n.port,
      sameHostKey: n.hostKeyFingerprint === where.hostKeyFingerprint,
      sameAddress: n.port === where.port && n.address.toLowerCase() === address,
    }))
    .filter((n) => n.sameHostKey || n.sameAddress);
}
