import crypto from "node:crypto";
import { secretKey } from "./secretKey.ts";

// Envelope: "v1.<iv>.<tag>.<ciphertext>", base64url parts. The purpose string is bound as
// associated data so a ciphertext cannot be moved to a field that means something else.
const VERSION = "v1";

export function seal(plaintext: string, purpose: string, key: Buffer = secretKey()): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(purpose, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function open(envelope: string, purpose: string, key: Buffer = secretKey()): string {
  const [version, iv, tag, body] = envelope.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("Unreadable secret envelope");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(purpose, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("A stored secret could not be decrypted: the secret key differs from the one it was sealed with");
  }
}

export function sealJson(value: unknown, purpose: string): string {
  return seal(JSON.stringify(value), purpose);
}

export function openJson<T>(envelope: string, purpose: string): T {
  return JSON.parse(open(envelope, purpose)) as T;
}
