// Free ports = the agent's ranges minus the ports its tasks hold, worked out by hand.
import { describe, expect, it } from "vitest";
import { portCount, subtractRanges } from "./fitAgents.ts";

describe("free port ranges", () => {
  it("takes used ports and runs out of the agent's ranges, in any order", () => {
    expect(subtractRanges([[31000, 32000]], [[31005, 31005]])).toEqual([[31000, 31004], [31006, 32000]]);
    expect(subtractRanges([[1, 10], [20, 30]], [[25, 40], [5, 6], [1, 1]])).toEqual([[2, 4], [7, 10], [20, 24]]);
    expect(subtractRanges([[1, 10]], [[1, 10]])).toEqual([]);
    expect(subtractRanges([[1, 10]], [])).toEqual([[1, 10]]);
    expect(portCount(subtractRanges([[1, 65535]], [[100, 199], [8080, 8080]]))).toBe(65535 - 101);
  });
});
