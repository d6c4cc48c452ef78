import { describe, expect, it } from "vitest";
import { memoView, memoViewOf } from "./viewMemo.ts";

describe("memoView", () => {
  it("computes a view once per reply and key, again for a new reply or another key, within a bound", () => {
    let calls = 0;
    const compute = (d: { n: number }) => ({ doubled: d.n * 2, call: ++calls });
    const poll1 = { n: 1 };
    const a = memoView(poll1, "resources", compute);
    expect(memoView(poll1, "resources", compute)).toBe(a);
    expect(calls).toBe(1);
    expect(memoView(poll1, "tasks:0", compute).call).toBe(2);
    const poll2 = { n: 2 };
    expect(memoView(poll2, "resources", compute)).toEqual({ doubled: 4, call: 3 });
    for (let i = 0; i < 100; i++) memoView(poll1, `tasks:${i + 1}`, compute);
    // The oldest keys were let go past the bound: asking again computes again.
    const before = calls;
    memoView(poll1, "resources", compute);
    expect(calls).toBe(before + 1);
  });
});

describe("memoViewOf", () => {
  it("computes a view of two replies once per pair, again when either is a new poll", () => {
    let calls = 0;
    const compute = (g: { n: number }, q: { m: number }) => ({ sum: g.n + q.m, call: ++calls });
    const groups1 = { n: 1 };
    const queue1 = { m: 10 };
    const a = memoViewOf(groups1, queue1, compute);
    expect(memoViewOf(groups1, queue1, compute)).toBe(a);
    expect(memoViewOf(groups1, { m: 20 }, compute)).toEqual({ sum: 21, call: 2 });
    expect(memoViewOf({ n: 2 }, queue1, compute)).toEqual({ sum: 12, call: 3 });
  });
});
