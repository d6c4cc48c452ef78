import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shQuote } from "./quote.ts";

// The real /bin/sh decides: each hostile value must come back from `printf %s` unchanged.
const hostile = [
  "plain",
  "with space",
  "it's",
  "'; touch /tmp/pwned; '",
  "$(id)",
  "`id`",
  "a\nb",
  "\\'\\\"",
  "${HOME}",
  "*",
  "-n",
  "",
];

describe("shQuote", () => {
  it.each(hostile)("passes %j through sh verbatim", (value) => {
    const out = execFileSync("/bin/sh", ["-c", `printf %s ${shQuote(value)}`], { encoding: "utf8" });
    expect(out).toBe(value);
  });

  it("refuses NUL bytes", () => {
    expect(() => shQuote("a\0b")).toThrow(/NUL/);
  });
});
