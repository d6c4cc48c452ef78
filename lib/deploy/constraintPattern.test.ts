// LIKE/UNLIKE match the WHOLE value (Java's String.matches, Constraints.scala@v1.5.1); the cases
// are what Java's regex engine answers for these patterns.
import { describe, expect, it } from "vitest";
import { constraintMatcher } from "./constraintPattern.ts";

const m = (p: string) => constraintMatcher(p)!;

describe("constraint patterns Armdeck evaluates itself", () => {
  it("matches whole values, with '.', '.*', '.+', escapes and alternatives", () => {
    expect(m("srv2.*")("srv2.example.com")).toBe(true);
    expect(m("srv2.*")("srv1.example.com")).toBe(false);
    expect(m("arm")("aarch64")).toBe(false);
    expect(m("aarch64|x86_64")("x86_64")).toBe(true);
    expect(m("od1000-.")("od1000-0")).toBe(true);
    expect(m("od1000-.")("od1000-10")).toBe(false);
    expect(m("rack\\.1")("rack.1")).toBe(true);
    expect(m("rack\\.1")("rackx1")).toBe(false);
    expect(m("a.+b")("ab")).toBe(false);
    expect(m("a.+b")("axb")).toBe(true);
    expect(m("")("")).toBe(true);
  });

  it("leaves classes, groups and quantifiers on characters to Marathon (null), and stays linear on long values", () => {
    for (const p of ["[a-z]+", "(a|b)*", "a+", "\\d", "^x$", "a{2}"]) expect(constraintMatcher(p), p).toBeNull();
    expect(m(".*.*.*.*.*x")("a".repeat(5_000))).toBe(false);
  });
});
