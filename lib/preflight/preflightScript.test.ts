import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../cluster/clusterSettingsSchema.ts";
import { preflightScript } from "./preflightScript.ts";
import { preflightTargets, type ProbeNode } from "./preflightTargets.ts";
import { parseProbeOutput, probeNonce } from "./probeOutput.ts";

const dir = mkdtempSync(path.join(tmpdir(), "preflight-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the preflight script", () => {
  it("runs no payload hidden in node names, hostnames, addresses or settings, and still reports", () => {
    const mark = (n: string) => path.join(dir, `pwned-${n}`);
    const payload = (n: string) => `x';touch ${mark(n)};'$(touch ${mark(n)})\`touch ${mark(n)}\`\n`;
    const node = (id: string, role: "both" | "agent", n: string): ProbeNode => ({
      id, name: payload(`name${n}`), hostname: payload(`host${n}`), address: `192.0.2.250${payload(`addr${n}`)}`, arch: "x86_64", cpus: 2, systemd: false, isMaster: role === "both", isAgent: true,
    });
    const settings = { ...DEFAULT_SETTINGS, sourceDir: `/nonexistent/${payload("src")}`, armdeckDir: `/nonexistent/${payload("armdeck")}` };
    const [plan] = preflightTargets(settings, [node("m", "both", "1"), node("a", "agent", "2")]);
    const nonce = probeNonce();
    const out = execFileSync("/bin/sh", ["-c", preflightScript(settings, plan!, nonce)], { encoding: "utf8", cwd: dir, timeout: 30_000 });
    expect(execFileSync("ls", ["-A", dir], { encoding: "utf8" })).toBe("");
    for (const n of ["name1", "host1", "addr1", "host2", "addr2", "src", "armdeck"]) expect(existsSync(mark(n))).toBe(false);
    const v = parseProbeOutput(out, nonce);
    expect(v.get("disk_path")).toEqual(["/"]);
    expect(v.get("arch")?.[0]).toBeTruthy();
  }, 40_000);
});
