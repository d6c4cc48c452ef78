// The rolling resource history's shape, decided here once: 1-minute buckets, 24 h kept. An agent
// therefore holds at most 1,440 rows (and so does the cluster's total), whatever the poll rate:
// every mesos.state poll that falls into a bucket is averaged into it, never kept on its own.

export const BUCKET_MS = 60_000;
export const RETENTION_MS = 24 * 60 * 60 * 1000;
/** The agentId of the cluster's total (the sum over its agents). */
export const CLUSTER_TOTAL = "";

export interface ResourceSample {
  agentId: string;
  cpusUsed: number;
  cpusTotal: number;
  memUsedMb: number;
  memTotalMb: number;
}

export function bucketStart(atMs: number): number {
  return Math.floor(atMs / BUCKET_MS) * BUCKET_MS;
}

/** Buckets that start before this are past the retention and get pruned. */
export function pruneBefore(nowMs: number): number {
  return bucketStart(nowMs - RETENTION_MS) + BUCKET_MS;
}

// Read defensively rather than through the zod schema: the poller's cache already holds a parsed
// reply (or, in tests, Mesos' own JSON), and re-parsing 1,000 agents every poll buys nothing here.
interface StateLike {
  slaves?: Array<{ id?: unknown; resources?: Record<string, unknown>; used_resources?: Record<string, unknown> }>;
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** One sample per agent (an agent listed twice counts once) and the cluster's total, from /master/state. */
export function samplesFromState(state: unknown): ResourceSample[] {
  const byAgent = new Map<string, ResourceSample>();
  for (const a of (state as StateLike | null)?.slaves ?? []) {
    if (typeof a?.id !== "string" || a.id === CLUSTER_TOTAL) continue;
    byAgent.set(a.id, {
      agentId: a.id,
      cpusUsed: num(a.used_resources?.cpus),
      cpusTotal: num(a.resources?.cpus),
      memUsedMb: num(a.used_resources?.mem),
      memTotalMb: num(a.resources?.mem),
    });
  }
  const total: ResourceSample = { agentId: CLUSTER_TOTAL, cpusUsed: 0, cpusTotal: 0, memUsedMb: 0, memTotalMb: 0 };
  for (const s of byAgent.values()) {
    total.cpusUsed += s.cpusUsed;
    total.cpusTotal += s.cpusTotal;
    total.memUsedMb += s.memUsedMb;
    total.memTotalMb += s.memTotalMb;
  }
  return [total, ...byAgent.values()];
}
