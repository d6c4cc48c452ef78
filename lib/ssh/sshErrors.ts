import { AppError } from "../errors.ts";

export type SshFailureKind =
  | "auth_failed"
  | "unreachable"
  | "timeout"
  | "refused"
  | "dns"
  | "host_key_changed"
  | "invalid_key"
  | "passphrase_required"
  | "protocol";

const STATUS: Record<SshFailureKind, number> = {
  auth_failed: 422,
  unreachable: 502,
  timeout: 504,
  refused: 502,
  dns: 502,
  host_key_changed: 409,
  invalid_key: 400,
  passphrase_required: 400,
  protocol: 502,
};

/** An SSH failure told in words an operator can act on. */
export class SshError extends AppError {
  constructor(
    readonly kind: SshFailureKind,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, STATUS[kind], `ssh_${kind}`, { kind, ...extra });
  }
}

// ssh2 gives this failure no code, only these words: the TCP connection opened, then closed before
// the server sent an SSH identification line (ssh2/lib/client.js, onDone).
const SSH2_CLOSED_BEFORE_HANDSHAKE = "Connection lost before handshake";

/** `target` is how the failing connection is named: `user@host:port`, or `host:port` when no one logs in. */
export function classifySshError(error: unknown, target: string, timeoutMs: number): SshError {
  if (error instanceof SshError) return error;
  const e = error as NodeJS.ErrnoException & { level?: string };
  const message = e?.message ?? String(error);
  if (e?.level === "client-authentication") {
    return new SshError("auth_failed", `${target} refused the credentials: wrong password or key, or the key is not in authorized_keys for this user`);
  }
  switch (e?.code) {
    case "ECONNREFUSED":
      return new SshError("refused", `${target} refused the connection: nothing listens on that port (is sshd running, is the port right?)`);
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new SshError("dns", `${target}: the host name does not resolve`);
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return new SshError("unreachable", `${target} is unreachable: no route to host`);
    case "ETIMEDOUT":
      return new SshError("timeout", `${target} did not answer within ${Math.round(timeoutMs / 1000)} s (firewall, wrong address, or host down)`);
    case "ECONNRESET":
      return new SshError("protocol", `${target} closed the connection during the handshake (is it an SSH server? does it allow this client?)`);
  }
  if (message === SSH2_CLOSED_BEFORE_HANDSHAKE) {
    return new SshError(
      "protocol",
      `No SSH server answered at ${hostPort(target)}: the connection closed before the SSH handshake (a firewall, or something that is not sshd, on that port)`,
    );
  }
  if (/timed out/i.test(message)) {
    return new SshError("timeout", `${target} did not finish the SSH handshake within ${Math.round(timeoutMs / 1000)} s`);
  }
  return new SshError("protocol", `SSH to ${target} failed: ${message}`);
}

function hostPort(target: string): string {
  return target.slice(target.indexOf("@") + 1);
}
