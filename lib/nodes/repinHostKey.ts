import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { db } from "../db/client.ts";
import { ConflictError } from "../errors.ts";
import { fetchHostKey } from "../ssh/openConnection.ts";
import { checkNode, type CheckOutcome } from "./checkNode.ts";
import { getNodeRow } from "./getNode.ts";

/**
 * Admin only (enforced by the route): pins the key the host offers now, provided it is the one the
 * admin confirmed, then re-checks the node with it.
 */
export async function repinHostKey(id: string, confirmedFingerprint: string, actor: AuditActor): Promise<CheckOutcome> {
  const row = await getNodeRow(id);
  const live = await fetchHostKey(row);
  if (live.fingerprint !== confirmedFingerprint) {
    await recordAuditEvent({ actor, action: "node.repin", target: row.name, result: "failure", detail: { confirmed: confirmedFingerprint, offered: live.fingerprint } });
    throw new ConflictError(`The host now offers ${live.fingerprint}, not the ${confirmedFingerprint} you confirmed: nothing was changed`, {
      offeredFingerprint: live.fingerprint,
    });
  }
  await db.node.update({
    where: { id },
    data: { hostKeyFingerprint: live.fingerprint, hostKeyType: live.type, hostKeyBits: live.bits, offeredHostKeyFingerprint: null, offeredHostKeyType: null, offeredHostKeyBits: null },
  });
  await recordAuditEvent({ actor, action: "node.repin", target: row.name, result: "success", detail: { from: row.hostKeyFingerprint, to: live.fingerprint } });
  return checkNode(id, actor);
}
