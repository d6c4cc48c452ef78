import ssh2 from "ssh2";

const { utils } = ssh2;
import { SshError } from "./sshErrors.ts";

export type SshCredentials =
  | { kind: "key"; privateKey: string; passphrase?: string }
  | { kind: "password"; password: string };

/**
 * Checks a private key before it is used or stored, so a malformed key or a missing or wrong
 * passphrase is a clear field error rather than a failed login later.
 */
export function assertUsablePrivateKey(privateKey: string, passphrase?: string): void {
  const parsed = utils.parseKey(privateKey, passphrase || undefined);
  const error = parsed instanceof Error ? parsed : Array.isArray(parsed) && parsed[0] instanceof Error ? parsed[0] : null;
  if (!error) {
    const key = Array.isArray(parsed) ? parsed[0] : parsed;
    if (!key || !(key as { isPrivateKey?: () => boolean }).isPrivateKey?.()) {
      throw new SshError("invalid_key", "This is a public key: paste the private key", { field: "auth.privateKey" });
    }
    return;
  }
  if (/encrypted/i.test(error.message) && /no passphrase/i.test(error.message)) {
    throw new SshError("passphrase_required", "This key is encrypted: enter its passphrase", { field: "auth.passphrase" });
  }
  if (/decrypt|passphrase|bad/i.test(error.message) && passphrase) {
    throw new SshError("invalid_key", "The passphrase does not unlock this key", { field: "auth.passphrase" });
  }
  throw new SshError("invalid_key", "Not a private key Armdeck can read (OpenSSH, PEM RSA/ECDSA/Ed25519 or PPK)", { field: "auth.privateKey" });
}

export function toConnectAuth(credentials: SshCredentials): { privateKey?: string; passphrase?: string; password?: string } {
  return credentials.kind === "key"
    ? { privateKey: credentials.privateKey, passphrase: credentials.passphrase || undefined }
    : { password: credentials.password };
}
