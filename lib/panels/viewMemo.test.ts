import { describe, expect, it } from "vitest";
import { memoView } from "./viewMemo.ts";

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
