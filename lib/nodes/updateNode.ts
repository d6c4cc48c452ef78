import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { db } from "../db/client.ts";
import { publish, ROOMS } from "../realtime/publish.ts";
import { reloadPollerFor } from "../upstream/pollers.ts";
import { ConflictError } from "../errors.ts";
import { gatherFacts } from "./gatherFacts.ts";
import { getNodeRow } from "./getNode.ts";
import { assertPinnedKeyKept } from "./hostKeyPin.ts";
import { openCredentials, sealCredentials } from "./nodeCredentials.ts";
import type { UpdateNodeInput } from "./nodeInput.ts";
import { toNodeView, type NodeView } from "./nodeView.ts";
import { toCredentials } from "./validateCredentials.ts";

/**
 * Name and role change in place. A change to how Armdeck logs in (address, port, user,
 * credentials) is saved only after a login with the new settings worked, so a typo loses nothing.
 * The login verifies the pinned host key, which an edit never changes (hostKeyPin.ts).
 */
export async function updateNode(id: string, input: UpdateNodeInput, actor: AuditActor): Promise<NodeView> {
  const row = await getNodeRow(id);
  try {
    assertPinnedKeyKept(row.hostKeyFingerprint, input.hostKeyFingerprint);
    if (input.name && input.name !== row.name && (await db.node.findUnique({ where: { name: input.name } }))) {
      throw new ConflictError(`A node named ${input.name} already exists`, { fields: { name: "This name is taken" } });
    }
    const connectionChanged = ["address", "port", "username", "auth", "hostKeyFingerprint"].some((k) => k in input && input[k as keyof UpdateNodeInput] !== undefined);
    let connectionData = {};
    if (connectionChanged) {
      const target = { address: input.address ?? row.address, port: input.port ?? row.port, username: input.username ?? row.username };
      const credentials = input.auth ? toCredentials(input.auth) : openCredentials(row.secretCipher);
      const facts = await gatherFacts(target, credentials, row.hostKeyFingerprint);
      connectionData = {
        ...target,
        authKind: credentials.kind,
        secretCipher: input.auth ? sealCredentials(credentials) : row.secretCipher,
        offeredHostKeyFingerprint: null,
        offeredHostKeyType: null,
        offeredHostKeyBits: null,
        facts: JSON.stringify(facts),
        factsGatheredAt: new Date(),
        reachable: true,
        lastCheckedAt: new Date(),
        lastError: null,
        lastErrorKind: null,
      };
    }
    const node = await db.node.update({ where: { id }, data: { name: input.name, role: input.role, ...connectionData } });
    const changed = Object.keys(input).filter((k) => input[k as keyof UpdateNodeInput] !== undefined);
    await recordAuditEvent({ actor, action: "node.update", target: node.name, result: "success", detail: { id, changed } });
    publish(ROOMS.nodes, "node:changed", { id: id });
    await reloadPollerFor(String(node.clusterId)); // address, port or role may move an endpoint
    return toNodeView(node);
  } catch (error) {
    await recordAuditEvent({ actor, action: "node.update", target: row.name, result: "failure", detail: { id, error: (error as Error).message } });
    throw error;
  }
}
