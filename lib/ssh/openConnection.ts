import ssh2, { type Client, type ConnectConfig } from "ssh2";
import { env } from "../env.ts";
import { toConnectAuth, type SshCredentials } from "./credentials.ts";
import { describeHostKey, type HostKeyInfo } from "./hostKey.ts";
import { classifySshError, SshError } from "./sshErrors.ts";

export interface SshTarget {
  address: string;
  port: number;
  username: string;
}

/** `user@host:port` as an operator typed it, or `host:port` for a connection that logs in as no one. */
export function describeTarget(t: Omit<SshTarget, "username"> & { username?: string }): string {
  const host = t.address.includes(":") ? `[${t.address}]` : t.address;
  return t.username ? `${t.username}@${host}:${t.port}` : `${host}:${t.port}`;
}

function baseConfig(target: SshTarget, timeoutMs: number): ConnectConfig {
  return { host: target.address, port: target.port, username: target.username, readyTimeout: timeoutMs, keepaliveInterval: 15_000 };
}

/**
 * Reads the host key without sending any credential: the verifier records the key and refuses it,
 * so a password never travels to a host whose key nobody has confirmed yet. `username`, when the
 * operator gave one, only names the connection in errors: the user name sent is a placeholder
 * that no authentication ever follows.
 */
export function fetchHostKey(target: Omit<SshTarget, "username"> & { username?: string }, timeoutMs = env().ARMDECK_SSH_TIMEOUT_MS): Promise<HostKeyInfo> {
  const where = describeTarget(target);
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    let seen: HostKeyInfo | null = null;
    client.on("error", (error) => {
      client.end();
      if (seen) resolve(seen);
      else reject(classifySshError(error, where, timeoutMs));
    });
    client.connect({
      ...baseConfig({ address: target.address, port: target.port, username: "armdeck-probe" }, timeoutMs),
      hostVerifier: (key: Buffer) => {
        seen = describeHostKey(key);
        return false;
      },
    });
  });
}

/**
 * Connects only if the server shows the pinned key. A different key is a hard stop that reports
 * both fingerprints; nothing is sent before the check.
 */
export function openConnection(
  target: SshTarget,
  credentials: SshCredentials,
  pinnedFingerprint: string,
  timeoutMs = env().ARMDECK_SSH_TIMEOUT_MS,
): Promise<Client> {
  const where = describeTarget(target);
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    let offered: HostKeyInfo | null = null;
    client.once("ready", () => {
      // Every exchange here is a small request and its answer (open a channel, start a step):
      // with Nagle on, the second small packet waits for the node's delayed ACK, 40 ms a step.
      client.setNoDelay(true);
      resolve(client);
    });
    client.on("error", (error) => {
      client.end();
      if (offered && offered.fingerprint !== pinnedFingerprint) {
        reject(
          new SshError(
            "host_key_changed",
            `HOST KEY CHANGED for ${where}: pinned ${pinnedFingerprint}, offered ${offered.fingerprint} (${offered.type}). ` +
              "This can be a reinstalled host or someone in the middle; Armdeck will not connect until an admin re-pins the key.",
            { pinnedFingerprint, offeredFingerprint: offered.fingerprint, offeredType: offered.type, offeredBits: offered.bits },
          ),
        );
      } else {
        reject(classifySshError(error, where, timeoutMs));
      }
    });
    client.connect({
      ...baseConfig(target, timeoutMs),
      ...toConnectAuth(credentials),
      hostVerifier: (key: Buffer) => {
        offered = describeHostKey(key);
        return offered.fingerprint === pinnedFingerprint;
      },
    });
  });
}
