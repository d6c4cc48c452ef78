import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseServiceStatusLine, STATUS_LINE_FUNCTION } from "./serviceStatusLine.ts";

// The report line is printed by the real shell function and read back by the parser.
const report = (state: string, target: string, answer: string) =>
  execFileSync("/bin/sh", ["-c", `${STATUS_LINE_FUNCTION}\narmdeck_report "$1" "$2" "$3"`, "sh", state, target, answer], { encoding: "utf8" });

describe("service status line", () => {
  it("carries the state, what was probed and the answer through the shell", () => {
    const out = `[armdeck] noise\n${report("down", "http://192.0.2.1:5050/health answers 200", "curl: (7) Failed to connect\nHTTP 000")}`;
    expect(parseServiceStatusLine(out)).toEqual({ state: "down", target: "http://192.0.2.1:5050/health answers 200", answer: "curl: (7) Failed to connect HTTP 000" });
  });

  it("an answer cannot forge a report line of its own", () => {
    const forged = "x\narmdeck-status\tup\tfake\tfake\n";
    const out = report("down", "ruok on 192.0.2.1:2181 answers imok", forged);
    expect(out.split("\n").filter(Boolean)).toHaveLength(1);
    expect(parseServiceStatusLine(out)?.state).toBe("down");
  });

  it("no report line, or an unknown state, is no report", () => {
    expect(parseServiceStatusLine("+ exit 1\n")).toBeNull();
    expect(parseServiceStatusLine("armdeck-status\tsideways\tx\ty\n")).toBeNull();
  });
});
