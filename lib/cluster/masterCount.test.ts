import { describe, expect, it } from "vitest";
import { masterCountVerdict, quorumOf } from "./masterCount.ts";

describe("masterCountVerdict", () => {
  it("accepts 1, 3 and 5 masters with a majority quorum", () => {
    expect(masterCountVerdict(1)).toEqual({ ok: true, quorum: 1, tolerates: 0 });
    expect(masterCountVerdict(3)).toEqual({ ok: true, quorum: 2, tolerates: 1 });
    expect(masterCountVerdict(5)).toEqual({ ok: true, quorum: 3, tolerates: 2 });
  });

  it("refuses even counts, saying they tolerate no more failures than one master fewer", () => {
    const two = masterCountVerdict(2);
    expect(two.ok).toBe(false);
    expect(!two.ok && two.reason).toMatch(/2 of 2\) up, so 2 masters survive only 0 failures, no more than 1/);
    expect(!two.ok && two.reason).toMatch(/make it 1 or 3/);
    const four = masterCountVerdict(4);
    expect(!four.ok && four.reason).toMatch(/3 of 4\) up, so 4 masters survive only 1 failure, no more than 3/);
  });

  it("refuses no master and more than five, with why", () => {
    expect(masterCountVerdict(0)).toEqual({ ok: false, reason: expect.stringMatching(/no master/) });
    expect(masterCountVerdict(7)).toEqual({ ok: false, reason: expect.stringMatching(/7 masters; Armdeck runs 1, 3 or 5\. More than 5/) });
    expect(masterCountVerdict(6).ok).toBe(false);
  });

  it("computes ⌊n/2⌋+1", () => {
    expect([1, 2, 3, 4, 5].map(quorumOf)).toEqual([1, 2, 2, 3, 3]);
  });
});
