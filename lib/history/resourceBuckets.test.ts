import { describe, expect, it } from "vitest";
import { bucketStart, pruneBefore, samplesFromState } from "./resourceBuckets.ts";

const T = Date.UTC(2026, 11, 1, 12, 0, 0);

describe("resource buckets", () => {
  it("a bucket is the minute a poll falls in", () => {
    expect(bucketStart(T + 59_999)).toBe(T);
    expect(bucketStart(T + 60_000)).toBe(T + 60_000);
  });

  it("keeps the 1,440 one-minute buckets up to now, the current one included", () => {
    // At 12:00 on the next day the oldest kept bucket is 12:01 today.
    expect(pruneBefore(T + 24 * 3_600_000)).toBe(T + 60_000);
    expect(pruneBefore(T + 24 * 3_600_000 + 59_999)).toBe(T + 60_000);
  });

  it("one sample per agent from Mesos' resources and used_resources, an agent listed twice counted once, and the total", () => {
    const state = {
      slaves: [
        { id: "a1", resources: { cpus: 4, mem: 15025 }, used_resources: { cpus: 1.5, mem: 2048 } },
        { id: "a2", resources: { cpus: 8, mem: 30000 }, used_resources: {} },
        { id: "a2", resources: { cpus: 8, mem: 30000 }, used_resources: {} },
      ],
    };
    expect(samplesFromState(state)).toEqual([
      { agentId: "", cpusUsed: 1.5, cpusTotal: 12, memUsedMb: 2048, memTotalMb: 45025 },
      { agentId: "a1", cpusUsed: 1.5, cpusTotal: 4, memUsedMb: 2048, memTotalMb: 15025 },
      { agentId: "a2", cpusUsed: 0, cpusTotal: 8, memUsedMb: 0, memTotalMb: 30000 },
    ]);
  });
});
