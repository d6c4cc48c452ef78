import { db } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { BUCKET_MS, bucketStart, CLUSTER_TOTAL, pruneBefore, type ResourceSample } from "./resourceBuckets.ts";
import type { HistoryQuery, HistoryReply } from "./historyQuery.ts";

// SQLite allows 32,766 bound values per statement; 8 per row leaves room for 500 rows per chunk.
const ROWS_PER_STATEMENT = 500;

function upsertChunk(clusterId: number, bucket: bigint, rows: ResourceSample[]) {
  const values = rows.map(
    (r) => Prisma.sql`(${clusterId}, ${r.agentId}, ${bucket}, ${r.cpusUsed}, ${r.cpusTotal}, ${r.memUsedMb}, ${r.memTotalMb}, 1)`,
  );
  // The bucket keeps the running mean of every poll that fell into it: (mean·n + new) / (n + 1).
  return db.$executeRaw`
    INSERT INTO "ResourceSample" ("clusterId", "agentId", "bucketStart", "cpusUsed", "cpusTotal", "memUsedMb", "memTotalMb", "n")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("clusterId", "agentId", "bucketStart") DO UPDATE SET
      "cpusUsed" = ("ResourceSample"."cpusUsed" * "ResourceSample"."n" + excluded."cpusUsed") / ("ResourceSample"."n" + 1),
      "cpusTotal" = ("ResourceSample"."cpusTotal" * "ResourceSample"."n" + excluded."cpusTotal") / ("ResourceSample"."n" + 1),
      "memUsedMb" = ("ResourceSample"."memUsedMb" * "ResourceSample"."n" + excluded."memUsedMb") / ("ResourceSample"."n" + 1),
      "memTotalMb" = ("ResourceSample"."memTotalMb" * "ResourceSample"."n" + excluded."memTotalMb") / ("ResourceSample"."n" + 1),
      "n" = "ResourceSample"."n" + 1`;
}

/**
 * Averages one poll's samples into their bucket and prunes what is past the retention, in one
 * transaction of a few statements (multi-row upserts), however many agents the cluster has.
 * Samples with the same agent count once.
 */
export async function recordResourceSamples(clusterId: number, samples: readonly ResourceSample[], atMs: number): Promise<void> {
  const unique = [...new Map(samples.map((s) => [s.agentId, s])).values()];
  const bucket = BigInt(bucketStart(atMs));
  const statements = [];
  for (let i = 0; i < unique.length; i += ROWS_PER_STATEMENT) statements.push(upsertChunk(clusterId, bucket, unique.slice(i, i + ROWS_PER_STATEMENT)));
  statements.push(db.resourceSample.deleteMany({ where: { clusterId, bucketStart: { lt: BigInt(pruneBefore(atMs)) } } }));
  await db.$transaction(statements);
}

/** The cluster's (or one agent's) buckets of the last `hours`, oldest first. */
export async function readResourceHistory(clusterId: number, q: HistoryQuery, nowMs: number): Promise<HistoryReply> {
  const since = bucketStart(nowMs - q.hours * 3_600_000) + BUCKET_MS;
  const rows = await db.resourceSample.findMany({
    where: { clusterId, agentId: q.agent ?? CLUSTER_TOTAL, bucketStart: { gte: BigInt(since) } },
    orderBy: { bucketStart: "asc" },
  });
  return {
    bucketMs: BUCKET_MS,
    series: rows.map((r) => ({ t: Number(r.bucketStart), cpusUsed: r.cpusUsed, cpusTotal: r.cpusTotal, memUsedMb: r.memUsedMb, memTotalMb: r.memTotalMb })),
  };
}
