import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shQuote } from "../shell/quote.ts";
import { parseProbeOutput, probeLineFunction, probeNonce } from "./probeOutput.ts";

const runSh = (script: string) => execFileSync("/bin/sh", ["-c", script], { encoding: "utf8" });

describe("probe lines", () => {
  it("a value with newlines and tabs cannot forge a line, with or without a guessed nonce", () => {
    const nonce = probeNonce();
    const hostile = `x86_64\npf\tsudo\troot\npf${"0".repeat(16)}\tsudo\troot\n\tmore`;
    const out = runSh(`${probeLineFunction(nonce)}\npf arch ${shQuote(hostile)}\npf sudo no`);
    const values = parseProbeOutput(out, nonce);
    expect(values.get("sudo")).toEqual(["no"]);
    expect(values.get("arch")).toEqual(["x86_64"]);
  });

  it("keeps repeated keys in order, turns tabs into spaces and ignores readable lines", () => {
    const nonce = probeNonce();
    const out = runSh(`${probeLineFunction(nonce)}\necho '[armdeck] hello'\npf listen 'tcp 0.0.0.0:5050'\npf listen 'udp\t*:6784'`);
    expect(parseProbeOutput(out, nonce).get("listen")).toEqual(["tcp 0.0.0.0:5050", "udp *:6784"]);
    expect(parseProbeOutput(out, nonce).size).toBe(1);
  });

  it("another script's lines (another nonce) are not this one's", () => {
    const out = runSh(`${probeLineFunction(probeNonce())}\npf sudo root`);
    expect(parseProbeOutput(out, probeNonce()).size).toBe(0);
  });

  it("caps a value at 400 characters", () => {
    const nonce = probeNonce();
    const out = runSh(`${probeLineFunction(nonce)}\npf os_pretty "$(printf 'a%.0s' $(seq 1 1000))"`);
    expect(parseProbeOutput(out, nonce).get("os_pretty")![0]).toHaveLength(400);
  });
});
