import crypto from "node:crypto";

/** 256 random bits, URL-safe. */
export function randomToken(prefix = ""): string {
  return prefix + crypto.randomBytes(32).toString("base64url");
}

/** Tokens are stored only as their SHA-256: enough for high-entropy secrets, and fast per request. */
export function tokenHash(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}
