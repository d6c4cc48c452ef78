import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { fetchHostKey } from "../ssh/openConnection.ts";
import { formatHostKey, type HostKeyInfo } from "../ssh/hostKey.ts";
import type { ProbeInput } from "./nodeInput.ts";
import { toCredentials } from "./validateCredentials.ts";

/** Wizard step 2: the key the host offers, for a person to compare with `ssh-keygen -lf`. */
export async function probeHostKey(input: ProbeInput, actor: AuditActor): Promise<HostKeyInfo & { display: string }> {
  // The credentials are checked here (a malformed key fails at step 1) but not sent: see fetchHostKey.
  if (input.auth) toCredentials(input.auth);
  try {
    const key = await fetchHostKey({ address: input.address, port: input.port });
    await recordAuditEvent({ actor, action: "node.probe", target: `${input.address}:${input.port}`, result: "success", detail: { fingerprint: key.fingerprint } });
    return { ...key, display: formatHostKey(key) };
  } catch (error) {
    await recordAuditEvent({ actor, action: "node.probe", target: `${input.address}:${input.port}`, result: "failure", detail: { error: (error as Error).message } });
    throw error;
  }
}
