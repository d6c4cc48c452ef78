import { env } from "../env.ts";
import type { ConnectionPool } from "../ssh/connectionPool.ts";
import { shQuote } from "../shell/quote.ts";
import { execCommand } from "../ssh/execCommand.ts";
import { wordsOf } from "../upstream/wordsOf.ts";
import { NODE_WEAVE_SCRIPT, parseNodeWeaveProbe, type NodeWeaveProbe } from "./nodeWeaveProbe.ts";

// One Weave poll of a cluster: every node at once, each over its pinned pooled connection with
// ONE exec channel (NODE_WEAVE_SCRIPT). A node Armdeck cannot reach is a reading too, in words,
// so one bad node never hides the others.

export interface WeaveNodeRef {
  id: string;
  name: string;
  address: string;
}

export type NodeWeaveReading = { node: WeaveNodeRef; readAt: string } & (NodeWeaveProbe | { router: "unreachable"; hostname: null; error: string; containers: null; containersError: null });

export interface ClusterWeaveReading {
  nodes: NodeWeaveReading[];
}

async function readNode(pool: ConnectionPool, node: WeaveNodeRef, timeoutMs: number): Promise<NodeWeaveReading> {
  const readAt = () => new Date().toISOString();
  let client;
  try {
    client = await pool.get(node.id);
  } catch (error) {
    return { node, readAt: readAt(), router: "unreachable", hostname: null, error: `Armdeck cannot reach ${node.name} over SSH: ${wordsOf(error)}`, containers: null, containersError: null };
  }
  try {
    const result = await execCommand(client, `exec /bin/sh -c ${shQuote(NODE_WEAVE_SCRIPT)}`, timeoutMs);
    return { node, readAt: readAt(), ...parseNodeWeaveProbe(result.stdout) };
  } catch (error) {
    pool.drop(node.id, client);
    return { node, readAt: readAt(), router: "unreachable", hostname: null, error: `Reading Weave on ${node.name} over SSH failed: ${wordsOf(error)}`, containers: null, containersError: null };
  }
}

export async function readClusterWeave(pool: ConnectionPool, nodes: readonly WeaveNodeRef[], signal?: AbortSignal): Promise<ClusterWeaveReading> {
  signal?.throwIfAborted();
  const timeoutMs = env().ARMDECK_SSH_TIMEOUT_MS;
  return { nodes: await Promise.all(nodes.map((n) => readNode(pool, n, timeoutMs))) };
}
