import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { fetchHostKey } from "../ssh/openConnection.ts";
import { formatHostKey, type HostKeyInfo } from "../ssh/hostKey.ts";
import { assertNodeNameFree } from "./assertNodeNameFree.ts";
import { findSameMachineNodes } from "./findSameMachineNodes.ts";
import type { ProbeInput } from "./nodeInput.ts";
import type { SameMachineNode } from "./sameMachine.ts";
import { toCredentials } from "./validateCredentials.ts";

export interface ProbeResult {
  hostKey: HostKeyInfo & { display: string };
  /** Nodes already enrolled that are this machine (same host key, or same address and port). */
  sameMachine: SameMachineNode[];
}

/**
 * Wizard step 2: the key the host offers, for a person to compare with `ssh-keygen -lf`, and
 * whether that machine is already a node. A taken name is refused here, at step 1, not at Save.
 */
export async function probeHostKey(input: ProbeInput, actor: AuditActor): Promise<ProbeResult> {
  // The credentials are checked here (a malformed key fails at step 1) but not sent: see fetchHostKey.
  if (input.auth) toCredentials(input.auth);
  if (input.name) await assertNodeNameFree(input.name);
  try {
    const key = await fetchHostKey({ address: input.address, port: input.port, username: input.username });
    const sameMachine = await findSameMachineNodes({ address: input.address, port: input.port, hostKeyFingerprint: key.fingerprint });
    await recordAuditEvent({ actor, action: "node.probe", target: `${input.address}:${input.port}`, result: "success", detail: { fingerprint: key.fingerprint } });
    return { hostKey: { ...key, display: formatHostKey(key) }, sameMachine };
  } catch (error) {
    await recordAuditEvent({ actor, action: "node.probe", target: `${input.address}:${input.port}`, result: "failure", detail: { error: (error as Error).message } });
    throw error;
  }
}
