import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, seal } from "./secretBox.ts";

const key = crypto.randomBytes(32);

describe("secretBox", () => {
  it("round-trips and never contains the plaintext", () => {
    const envelope = seal("hunter2-very-secret", "node-credentials", key);
    expect(envelope).not.toContain("hunter2");
    expect(open(envelope, "node-credentials", key)).toBe("hunter2-very-secret");
  });

  it("uses a fresh IV each time", () => {
    expect(seal("same", "p", key)).not.toBe(seal("same", "p", key));
  });

  it("refuses a tampered ciphertext, another purpose, or another key", () => {
    const envelope = seal("payload", "node-credentials", key);
    const parts = envelope.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0]! ^= 1;
    parts[3] = body.toString("base64url");
    expect(() => open(parts.join("."), "node-credentials", key)).toThrow(/could not be decrypted/);
    expect(() => open(envelope, "other-purpose", key)).toThrow(/could not be decrypted/);
    expect(() => open(envelope, "node-credentials", crypto.randomBytes(32))).toThrow(/could not be decrypted/);
  });
});
