import crypto from "node:crypto";

export interface HostKeyInfo {
  /** As ssh-keygen -l prints it in parentheses: ED25519, RSA, ECDSA, DSA, ED25519-SK, ECDSA-SK. */
  type: string;
  bits: number | null;
  /** "SHA256:" + unpadded base64 of the SHA-256 of the key blob, exactly as ssh-keygen -lf prints it. */
  fingerprint: string;
}

const TYPE_NAMES: Record<string, string> = {
  "ssh-ed25519": "ED25519",
  "ssh-rsa": "RSA",
  "ssh-dss": "DSA",
  "ecdsa-sha2-nistp256": "ECDSA",
  "ecdsa-sha2-nistp384": "ECDSA",
  "ecdsa-sha2-nistp521": "ECDSA",
  "sk-ssh-ed25519@openssh.com": "ED25519-SK",
  "sk-ecdsa-sha2-nistp256@openssh.com": "ECDSA-SK",
};

/** Reads the SSH wire-format strings of a public key blob (RFC 4253 §6.6). */
function readStrings(blob: Buffer, count: number): Buffer[] {
  const out: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < count && offset + 4 <= blob.length; i++) {
    const len = blob.readUInt32BE(offset);
    out.push(blob.subarray(offset + 4, offset + 4 + len));
    offset += 4 + len;
  }
  return out;
}

function bitLength(mpint: Buffer): number {
  let i = 0;
  while (i < mpint.length && mpint[i] === 0) i++;
  if (i === mpint.length) return 0;
  return (mpint.length - i - 1) * 8 + (32 - Math.clz32(mpint[i]!));
}

function keyBits(algo: string, blob: Buffer): number | null {
  if (algo === "ssh-ed25519" || algo === "sk-ssh-ed25519@openssh.com") return 256;
  if (algo === "ssh-rsa") return bitLength(readStrings(blob, 3)[2] ?? Buffer.alloc(0));
  if (algo === "ssh-dss") return bitLength(readStrings(blob, 2)[1] ?? Buffer.alloc(0));
  const curve = algo.match(/nistp(\d+)/)?.[1];
  return curve ? Number(curve) : null;
}

export function describeHostKey(blob: Buffer): HostKeyInfo {
  const algo = readStrings(blob, 1)[0]?.toString("latin1") ?? "unknown";
  return {
    type: TYPE_NAMES[algo] ?? algo.toUpperCase(),
    bits: keyBits(algo, blob),
    fingerprint: "SHA256:" + crypto.createHash("sha256").update(blob).digest("base64").replace(/={1,2}$/, ""),
  };
}

/** "256 SHA256:abc… (ED25519)": ssh-keygen -lf's line without the comment, for people to compare. */
export function formatHostKey(info: HostKeyInfo): string {
  return `${info.bits ?? "?"} ${info.fingerprint} (${info.type})`;
}
