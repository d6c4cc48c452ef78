import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { db } from "../db/client.ts";
import { publish, ROOMS } from "../realtime/publish.ts";
import { env } from "../env.ts";
import { describeTarget } from "../ssh/openConnection.ts";
import { SshError, classifySshError } from "../ssh/sshErrors.ts";
import { gatherFacts } from "./gatherFacts.ts";
import { getNodeRow } from "./getNode.ts";
import { openCredentials } from "./nodeCredentials.ts";
import { toNodeView, type NodeView } from "./nodeView.ts";

export interface CheckOutcome {
  node: NodeView;
  ok: boolean;
  error: { kind: string; message: string } | null;
}

/** Logs in with the pinned key, refreshes facts, and records reachability either way. */
export async function checkNode(id: string, actor: AuditActor, options: { auditOnlyChanges?: boolean } = {}): Promise<CheckOutcome> {
  const row = await getNodeRow(id);
  // Background checks would flood the audit log; they record only a change of reachability.
  const audit = (reachable: boolean) => !options.auditOnlyChanges || row.reachable !== reachable;
  try {
    const facts = await gatherFacts(row, openCredentials(row.secretCipher), row.hostKeyFingerprint);
    const now = new Date();
    const node = await db.node.update({
      where: { id },
      data: { facts: JSON.stringify(facts), factsGatheredAt: now, reachable: true, lastCheckedAt: now, lastError: null, lastErrorKind: null },
    });
    if (audit(true)) await recordAuditEvent({ actor, action: "node.check", target: row.name, result: "success" });
    publish(ROOMS.nodes, "node:changed", { id });
    return { node: toNodeView(node), ok: true, error: null };
  } catch (raw) {
    const error = raw instanceof SshError ? raw : classifySshError(raw, describeTarget(row), env().ARMDECK_SSH_TIMEOUT_MS);
    const changed = error.kind === "host_key_changed";
    const node = await db.node.update({
      where: { id },
      data: {
        reachable: false,
        lastCheckedAt: new Date(),
        lastError: error.message,
        lastErrorKind: error.kind,
        offeredHostKeyFingerprint: changed ? String(error.extra.offeredFingerprint) : undefined,
        offeredHostKeyType: changed ? String(error.extra.offeredType) : undefined,
        offeredHostKeyBits: changed ? (error.extra.offeredBits as number | null) : undefined,
      },
    });
    if (audit(false)) await recordAuditEvent({ actor, action: "node.check", target: row.name, result: "failure", detail: { kind: error.kind, error: error.message } });
    publish(ROOMS.nodes, "node:changed", { id });
    return { node: toNodeView(node), ok: false, error: { kind: error.kind, message: error.message } };
  }
}
