import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "../env.ts";
import { dataDir } from "../db/databaseUrl.ts";

const KEY_BYTES = 32;
const globalForKey = globalThis as unknown as { armdeckSecretKey?: Buffer };

function decodeKey(text: string, origin: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== KEY_BYTES) {
    throw new Error(`${origin} must hold a 32-byte key as 64 hex characters or base64 (got ${key.length} bytes)`);
  }
  return key;
}

/** The file is created once with mode 0600; an existing file with looser modes is tightened. */
function loadOrCreateKeyFile(file: string): Buffer {
  try {
    const text = fs.readFileSync(file, "utf8");
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    return decodeKey(text, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(KEY_BYTES);
  // "wx" fails if another process won the race; then its key is the one to use.
  try {
    fs.writeFileSync(file, key.toString("hex") + "\n", { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return decodeKey(fs.readFileSync(file, "utf8"), file);
  }
}

export function secretKeyFile(): string {
  return path.join(dataDir(), "secret.key");
}

/** The AES-256 key for secrets at rest: ARMDECK_SECRET_KEY, else ./data/secret.key. */
export function secretKey(): Buffer {
  globalForKey.armdeckSecretKey ??= env().ARMDECK_SECRET_KEY
    ? decodeKey(env().ARMDECK_SECRET_KEY!, "ARMDECK_SECRET_KEY")
    : loadOrCreateKeyFile(secretKeyFile());
  return globalForKey.armdeckSecretKey;
}
