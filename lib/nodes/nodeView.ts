import type { Node } from "../db/generated/client.ts";
import { nodeFactsSchema, type NodeFacts } from "./nodeFacts.ts";
import type { NodeRole } from "./nodeInput.ts";

/** What leaves the server about a node: everything but the credentials. */
export interface NodeView {
  id: string;
  clusterId: number;
  name: string;
  address: string;
  port: number;
  username: string;
  authKind: "key" | "password";
  role: NodeRole;
  hostKey: { type: string; bits: number | null; fingerprint: string };
  offeredHostKey: { type: string | null; bits: number | null; fingerprint: string } | null;
  facts: NodeFacts | null;
  /** When `facts` were read; `lastCheckedAt` is the last attempt, which may have failed since. */
  factsGatheredAt: string | null;
  reachable: boolean | null;
  lastCheckedAt: string | null;
  lastError: string | null;
  lastErrorKind: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toNodeView(n: Node): NodeView {
  const facts = n.facts ? nodeFactsSchema.safeParse(JSON.parse(n.facts)) : null;
  return {
    id: n.id,
    clusterId: n.clusterId,
    name: n.name,
    address: n.address,
    port: n.port,
    username: n.username,
    authKind: n.authKind as NodeView["authKind"],
    role: n.role as NodeRole,
    hostKey: { type: n.hostKeyType, bits: n.hostKeyBits, fingerprint: n.hostKeyFingerprint },
    offeredHostKey: n.offeredHostKeyFingerprint ? { type: n.offeredHostKeyType, bits: n.offeredHostKeyBits, fingerprint: n.offeredHostKeyFingerprint } : null,
    facts: facts?.success ? facts.data : null,
    factsGatheredAt: n.factsGatheredAt?.toISOString() ?? null,
    reachable: n.reachable,
    lastCheckedAt: n.lastCheckedAt?.toISOString() ?? null,
    lastError: n.lastError,
    lastErrorKind: n.lastErrorKind,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}
