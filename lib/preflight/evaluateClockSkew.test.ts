import { describe, expect, it } from "vitest";
import { evaluateClockSkew } from "./evaluateClockSkew.ts";

const at = 1_800_000_000_000;
const reading = (node: string, aheadS: number, latencyMs = 20) => ({ nodeId: node, node, nodeSeconds: at / 1000 + aheadS, receivedAt: at + latencyMs });

describe("clock skew between nodes", () => {
  it("names the one node that is off, against the others rather than the dashboard", () => {
    // The dashboard's clock is 100 s off from all three: that is not the nodes' problem.
    const checks = evaluateClockSkew([reading("a", 100), reading("b", 100.3), reading("c", 220)]);
    expect(checks.map((c) => [c.node, c.status])).toEqual([["a", "ok"], ["b", "ok"], ["c", "fail"]]);
    expect(checks[2]!.detail).toMatch(/^119\.\d s ahead of the other nodes: .*NTP/);
  });

  it("warns between the thresholds and says behind", () => {
    const checks = evaluateClockSkew([reading("a", 0), reading("b", 0), reading("c", -5)]);
    expect(checks[2]).toMatchObject({ status: "warn" });
    expect(checks[2]!.detail).toContain("behind");
  });

  it("a node that printed no time is a warning, not a crash", () => {
    const checks = evaluateClockSkew([{ nodeId: "a", node: "a", nodeSeconds: null, receivedAt: at }, reading("b", 0)]);
    expect(checks[0]!.status).toBe("warn");
    expect(checks[1]!.status).toBe("ok");
  });
});
