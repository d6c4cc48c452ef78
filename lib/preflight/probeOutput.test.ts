import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shQuote } from "../shell/quote.ts";
import { parseProbeOutput, PROBE_LINE_FUNCTION } from "./probeOutput.ts";

const runSh = (script: string) => execFileSync("/bin/sh", ["-c", script], { encoding: "utf8" });

describe("probe lines", () => {
  it("a value with newlines and tabs stays one value and cannot forge another key", () => {
    const hostile = "x86_64\npf\tsudo\troot\n\tmore";
    const out = runSh(`${PROBE_LINE_FUNCTION}\npf arch ${shQuote(hostile)}\npf sudo no`);
    const values = parseProbeOutput(out);
    expect(values.get("sudo")).toEqual(["no"]);
    expect(values.get("arch")).toHaveLength(1);
    expect(values.get("arch")![0]).not.toContain("\n");
  });

  it("keeps repeated keys in order and ignores readable lines", () => {
    const out = runSh(`${PROBE_LINE_FUNCTION}\necho '[armdeck] hello'\npf listen 'tcp 0.0.0.0:5050'\npf listen 'udp *:6784'`);
    expect(parseProbeOutput(out).get("listen")).toEqual(["tcp 0.0.0.0:5050", "udp *:6784"]);
    expect(parseProbeOutput(out).size).toBe(1);
  });

  it("caps a value at 400 bytes on the node", () => {
    const out = runSh(`${PROBE_LINE_FUNCTION}\npf os_pretty "$(printf 'a%.0s' $(seq 1 1000))"`);
    expect(parseProbeOutput(out).get("os_pretty")![0]).toHaveLength(400);
  });
});
