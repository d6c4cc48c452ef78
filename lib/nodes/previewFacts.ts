import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { gatherFacts } from "./gatherFacts.ts";
import type { NodeFacts } from "./nodeFacts.ts";
import type { ConnectionInput } from "./nodeInput.ts";
import { toCredentials } from "./validateCredentials.ts";

/** Wizard step 3: log in with the confirmed key pinned and show what the node is, before saving. */
export async function previewFacts(input: ConnectionInput & { hostKeyFingerprint: string }, actor: AuditActor): Promise<NodeFacts> {
  const target = `${input.username}@${input.address}:${input.port}`;
  try {
    const facts = await gatherFacts(input, toCredentials(input.auth), input.hostKeyFingerprint);
    await recordAuditEvent({ actor, action: "node.facts", target, result: "success", detail: { arch: facts.arch } });
    return facts;
  } catch (error) {
    await recordAuditEvent({ actor, action: "node.facts", target, result: "failure", detail: { error: (error as Error).message } });
    throw error;
  }
}
