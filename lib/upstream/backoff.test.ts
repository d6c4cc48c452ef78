import { describe, expect, it } from "vitest";
import { DEFAULT_BACKOFF, onDemandGap, pollDelay } from "./backoff.ts";

// The large-reply rule has no stand-in knob (a reply's size is the cluster's size), so it is
// checked on the policy itself; slow and failing upstreams are proved against the stand-in in
// clusterPoller.test.ts.

const ok = { durationMs: 10, bytes: 1000, consecutiveFailures: 0 };
const MiB = 1024 * 1024;

describe("pollDelay", () => {
  it("keeps the interval for small fast replies", () => {
    expect(pollDelay(5_000, ok)).toBe(5_000);
  });

  it("stretches for large replies by the square root of their size in MiB, up to the cap", () => {
    expect(pollDelay(5_000, { ...ok, bytes: 4 * MiB })).toBe(10_000);
    expect(pollDelay(5_000, { ...ok, bytes: 16 * MiB })).toBe(20_000);
    expect(pollDelay(5_000, { ...ok, bytes: 10_000 * MiB })).toBe(DEFAULT_BACKOFF.stretchCapMs);
  });

  it("never shortens an interval longer than the caps", () => {
    expect(pollDelay(120_000, { ...ok, consecutiveFailures: 3 })).toBe(120_000);
    expect(pollDelay(120_000, { ...ok, durationMs: 30_000 })).toBe(120_000);
  });

  it("stays at the cap for a master down for days", () => {
    expect(pollDelay(5_000, { ...ok, consecutiveFailures: 100_000 })).toBe(DEFAULT_BACKOFF.failureCapMs);
  });

  it("lets an on-demand refresh out no sooner than the backoff or a multiple of a slow reply", () => {
    expect(onDemandGap(5_000, ok)).toBe(DEFAULT_BACKOFF.minOnDemandGapMs);
    expect(onDemandGap(5_000, { ...ok, durationMs: 2_000 })).toBe(10_000);
    expect(onDemandGap(5_000, { ...ok, consecutiveFailures: 2 })).toBe(20_000);
  });
});
