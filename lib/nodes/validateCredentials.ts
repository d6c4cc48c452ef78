import type { SshCredentials } from "../ssh/credentials.ts";
import { assertUsablePrivateKey } from "../ssh/credentials.ts";
import type { AuthInput } from "./nodeInput.ts";

/** Schema-valid auth input, with the key actually parsed (and its passphrase tried). */
export function toCredentials(auth: AuthInput): SshCredentials {
  if (auth.kind === "key") {
    assertUsablePrivateKey(auth.privateKey, auth.passphrase);
    return { kind: "key", privateKey: auth.privateKey, passphrase: auth.passphrase || undefined };
  }
  return { kind: "password", password: auth.password };
}
