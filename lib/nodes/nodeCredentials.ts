import { openJson, sealJson } from "../crypto/secretBox.ts";
import type { SshCredentials } from "../ssh/credentials.ts";

// Bound into the ciphertext so node credentials cannot be swapped with another kind of secret.
const PURPOSE = "armdeck.node-credentials.v1";

export function sealCredentials(credentials: SshCredentials): string {
  return sealJson(credentials, PURPOSE);
}

export function openCredentials(envelope: string): SshCredentials {
  return openJson<SshCredentials>(envelope, PURPOSE);
}
