import { env } from "../env.ts";
import { shQuote } from "../shell/quote.ts";
import type { SshCredentials } from "../ssh/credentials.ts";
import { execCommand } from "../ssh/execCommand.ts";
import { openConnection, type SshTarget } from "../ssh/openConnection.ts";
import { SshError } from "../ssh/sshErrors.ts";
import { factsScript } from "./factsScript.ts";
import { parseFacts, type NodeFacts } from "./nodeFacts.ts";

/** Connects with the pinned key and reads the node's facts. */
export async function gatherFacts(target: SshTarget, credentials: SshCredentials, pinnedFingerprint: string): Promise<NodeFacts> {
  const timeoutMs = env().ARMDECK_SSH_TIMEOUT_MS;
  const client = await openConnection(target, credentials, pinnedFingerprint, timeoutMs);
  try {
    // Through /bin/sh explicitly: the login shell of the node's user may not be POSIX.
    const result = await execCommand(client, `exec /bin/sh -c ${shQuote(factsScript())}`, timeoutMs);
    if (result.code !== 0) {
      throw new SshError("protocol", `Reading facts failed with exit code ${result.code}: ${result.stderr.trim().slice(0, 500)}`);
    }
    return parseFacts(result.stdout);
  } finally {
    client.end();
  }
}
