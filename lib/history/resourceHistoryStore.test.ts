import { beforeAll, describe, expect, it, vi } from "vitest";
import { useFreshTestDatabase } from "../../e2e/harness/testDatabase.ts";

// Real SQLite through Prisma with the real migrations; every timestamp is explicit (no clock).

useFreshTestDatabase();
const { db } = await import("../db/client.ts");
const { readResourceHistory, recordResourceSamples } = await import("./resourceHistoryStore.ts");

const T = Date.UTC(2026, 11, 1, 12, 0, 0);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
let clusterId: number;

const sample = (agentId: string, cpusUsed: number, memUsedMb: number, cpusTotal = 4, memTotalMb = 16000) => ({ agentId, cpusUsed, cpusTotal, memUsedMb, memTotalMb });

async function rows(agentId: string) {
  return db.resourceSample.findMany({ where: { clusterId, agentId }, orderBy: { bucketStart: "asc" } });
}

beforeAll(async () => {
  const c = await db.cluster.create({ data: { name: "history", kind: "adopted", mesosMasters: [], marathon: [], createdBy: "test" } });
  clusterId = c.id;
});

describe("the resource history store", () => {
  it("averages the polls of one minute into one row and starts a new row the next minute", async () => {
    await recordResourceSamples(clusterId, [sample("avg", 1, 1000)], T + 5_000);
    await recordResourceSamples(clusterId, [sample("avg", 2, 2000)], T + 10_000);
    await recordResourceSamples(clusterId, [sample("avg", 6, 6000, 8, 32000)], T + 59_999);
    await recordResourceSamples(clusterId, [sample("avg", 0.5, 500)], T + MIN);
    const r = await rows("avg");
    expect(r.map((x) => [Number(x.bucketStart), x.n])).toEqual([[T, 3], [T + MIN, 1]]);
    expect(r[0]).toMatchObject({ cpusUsed: 3, memUsedMb: 3000, cpusTotal: 16 / 3, memTotalMb: 64000 / 3 });
    expect(r[1]).toMatchObject({ cpusUsed: 0.5, memUsedMb: 500, cpusTotal: 4, memTotalMb: 16000 });
  });

  it("writes an agent listed twice in one batch once", async () => {
    await recordResourceSamples(clusterId, [sample("twice", 1, 100), sample("twice", 1, 100)], T);
    expect((await rows("twice")).map((x) => x.n)).toEqual([1]);
  });

  it("prunes what falls out of the 24 h, keeps the rest", async () => {
    await recordResourceSamples(clusterId, [sample("old", 1, 1)], T);
    await recordResourceSamples(clusterId, [sample("old", 2, 2)], T + MIN);
    // 24 h after T the window holds T+1min … T+24h: T's bucket goes, of every agent of the cluster.
    await recordResourceSamples(clusterId, [sample("new", 3, 3)], T + DAY);
    expect((await rows("old")).map((x) => Number(x.bucketStart))).toEqual([T + MIN]);
    expect((await rows("avg")).map((x) => Number(x.bucketStart))).toEqual([T + MIN]);
    expect(await rows("twice")).toEqual([]);
  });

  it("1,000 agents and the total are one transaction of three statements, not a round trip each", async () => {
    const many = [sample("", 500, 500_000, 4000, 16_000_000), ...Array.from({ length: 1000 }, (_, i) => sample(`agent-${i}`, 0.5, 500))];
    const tx = vi.spyOn(db, "$transaction");
    await recordResourceSamples(clusterId, many, T + DAY + MIN);
    expect(tx).toHaveBeenCalledTimes(1);
    // 1,001 upserts in chunks of 500, plus the prune.
    expect((tx.mock.calls[0]![0] as unknown as unknown[]).length).toBe(4);
    tx.mockRestore();
    expect(await db.resourceSample.count({ where: { clusterId, bucketStart: BigInt(T + DAY + MIN) } })).toBe(1001);
  });

  it("reads the cluster's total or one agent's buckets of the last hours, oldest first", async () => {
    const now = T + DAY + MIN;
    const total = await readResourceHistory(clusterId, { hours: 24 }, now);
    expect(total).toEqual({ bucketMs: MIN, series: [{ t: now, cpusUsed: 500, cpusTotal: 4000, memUsedMb: 500_000, memTotalMb: 16_000_000 }] });
    expect((await readResourceHistory(clusterId, { hours: 24, agent: "new" }, now)).series.map((p) => p.t)).toEqual([T + DAY]);
    // The write at T+24h+1min pruned T+1min.
    expect((await readResourceHistory(clusterId, { hours: 24, agent: "old" }, now)).series).toEqual([]);
    // One hour back from T+25h+1min starts at T+24h+2min: T+24h is outside.
    expect((await readResourceHistory(clusterId, { hours: 1, agent: "new" }, now + 60 * MIN)).series).toEqual([]);
    expect((await readResourceHistory(clusterId, { hours: 2, agent: "new" }, now + 60 * MIN)).series).toHaveLength(1);
    expect((await readResourceHistory(clusterId, { hours: 24, agent: "nobody" }, now)).series).toEqual([]);
  });
});
