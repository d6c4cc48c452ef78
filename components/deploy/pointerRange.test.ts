import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pointerRange } from "./pointerRange";

const lineOf = (text: string, pos: number) => text.slice(0, pos).split("\n").length;

// The runbook's own file as the user would paste it; the expected lines are read off the file here.
const text = readFileSync(new URL("./templates/basic.json", import.meta.url), "utf8");
const lines = text.split("\n");
const lineWith = (needle: string, after = 0) => lines.findIndex((l, i) => i >= after && l.includes(needle)) + 1;

describe("pointerRange", () => {
  it("finds a nested value's line", () => {
    const group2 = lineWith('"id": "/arm-demo/group2"');
    expect(lineOf(text, pointerRange(text, "/groups/1/apps/0/mem")!.from)).toBe(lineWith('"mem"', group2));
    expect(lineOf(text, pointerRange(text, "/groups/1/apps/0/container/docker/parameters/0/value")!.from)).toBe(lineWith('"value"', group2));
  });

  it("falls back to the deepest part that exists, and to the whole body for the root", () => {
    const r = pointerRange(text, "/groups/0/apps/0/healthChecks/0")!;
    expect(lineOf(text, r.from)).toBe(lineWith('"id": "/arm-demo/group1/ubuntu1"') - 1);
    expect(pointerRange(text, "")).toEqual({ from: text.indexOf("{"), to: text.lastIndexOf("}") + 1 });
  });

  it("reads escaped keys and still answers on broken JSON", () => {
    const weird = '{\n  "a/b": {\n    "x": 1\n  }\n}';
    expect(lineOf(weird, pointerRange(weird, "/a~1b/x")!.from)).toBe(3);
    expect(pointerRange('{"a": [1, 2', "/a/1")).not.toBeNull();
  });
});
