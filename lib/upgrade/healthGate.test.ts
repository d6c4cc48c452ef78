import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandin, type Standin } from "../../standin/server.ts";
import { DEFAULT_SETTINGS, type ClusterSettings } from "../cluster/clusterSettingsSchema.ts";
import { recipeContext } from "../recipes/recipeContext.ts";
import type { RecipeNode } from "../recipes/recipeTypes.ts";
import { gateChecks } from "./healthGate.ts";

// The gates' cluster-view checks, as the plan writes them, run by a real sh and python3 against the
// stand-in's Mesos master (replies field for field as Mesos's /master/slaves, /version, /master/redirect).

let s: Standin;
let settings: ClusterSettings;
const node = (name: string, address: string, role: "master" | "agent"): RecipeNode => ({
  id: name, name, address, arch: "x86_64", cpus: 2, systemd: false, isMaster: role === "master", isAgent: role === "agent",
});
const master = node("m1", "127.0.0.1", "master");
const agent = node("a1", "192.0.2.7", "agent");

/** Runs one check the way the gate's armdeck_gate function does: exit code and what it printed. */
function run(n: RecipeNode, index: number): Promise<{ code: number; out: string }> {
  const check = gateChecks(n, settings, [master])[index]!;
  const script = `f() {\n  ${check.script(recipeContext(settings, n, [master, agent]))}\n}\nf`;
  return new Promise((resolve) => execFile("sh", ["-c", script], (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, out: stdout + stderr })));
}

beforeAll(async () => {
  s = await startStandin({ mesosPorts: [0], marathonPorts: [0], mesosVersion: "1.11.0" });
  settings = { ...DEFAULT_SETTINGS, mesosVersion: "1.11.0", mesosMasterPort: Number(new URL(s.mesosUrls[0]!).port) };
});
afterAll(async () => s?.stop());

describe("the agent's gate: the leading master lists it as active on the new version", () => {
  it("passes for an active agent on the new version", async () => {
    const a = s.mesos.addAgent({ hostname: "a1", ip: "192.0.2.7", resources: { cpus: 2, mem: 1024, disk: 1024, gpus: 0, ports: [] }, version: "1.11.0" } as never);
    const r = await run(agent, 1);
    expect(r).toEqual({ code: 0, out: "the leading master lists the agent at 192.0.2.7:5051 as active, on Mesos 1.11.0\n" });
    s.mesos.removeAgent(a.id);
  });

  it("fails, saying why, for an agent still on the old version, an inactive one, or none", async () => {
    const old = s.mesos.addAgent({ hostname: "a1", ip: "192.0.2.7", resources: { cpus: 2, mem: 1024, disk: 1024, gpus: 0, ports: [] }, version: "1.4.0" } as never);
    expect(await run(agent, 1)).toEqual({ code: 1, out: "the leading master sees the agent at 192.0.2.7:5051 on Mesos 1.4.0, not 1.11.0\n" });
    old.version = "1.11.0";
    old.active = false;
    expect(await run(agent, 1)).toEqual({ code: 1, out: "the leading master lists the agent at 192.0.2.7:5051 as inactive\n" });
    s.mesos.removeAgent(old.id);
    expect(await run(agent, 1)).toEqual({ code: 1, out: "the leading master lists no agent at 192.0.2.7:5051 (0 agents registered)\n" });
  });
});

describe("the master's gate: /version says the new version and the cluster has a leader", () => {
  it("passes while a leader is elected, fails without one or on another version", async () => {
    const me = `127.0.0.1:${settings.mesosMasterPort}`;
    expect(await run(master, 1)).toEqual({ code: 0, out: `the master at ${me} runs Mesos 1.11.0; the leading master is //127.0.0.1:${settings.mesosMasterPort}\n` });
    s.control.setMesosLeader(null);
    expect((await run(master, 1)).out).toBe(`the cluster has no leading master: /master/redirect on ${me} answered 503\n`);
    s.control.setMesosLeader(0);
    const before = settings;
    settings = { ...settings, mesosVersion: "1.4.1" };
    expect(await run(master, 1)).toEqual({ code: 1, out: `the master at ${me} says version 1.11.0, not 1.4.1\n` });
    settings = before;
  });
});

describe("the Weave gate: the running router is the new version and every connection is established", () => {
  // `weave status` as Weave 2.8.1 prints it (site docs and status-templates: labels right-aligned to
  // column 16, a blank line first), from a `weave` on the PATH that prints what it is given.
  const status = (version: string, connections: string) =>
    ["", `        Version: ${version} (version check update disabled)`, "", "        Service: router", "       Protocol: weave 1..2", "           Name: 9a:41:5e:0b:77:10(node1)", "     Encryption: disabled", "  PeerDiscovery: enabled", "        Targets: 2", `    Connections: ${connections}`, "          Peers: 3 (with 6 established connections)", " TrustedSubnets: none", ""].join("\n");
  const weaveCheck = (n: RecipeNode) => {
    const checks = gateChecks(n, { ...settings, weaveVersion: "2.8.1" }, [master], { weave: true });
    return checks.find((c) => c.text.startsWith("Weave Net:"))!;
  };
  async function runWeave(reply: string): Promise<{ code: number; out: string }> {
    const { mkdtemp, writeFile, chmod } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(`${tmpdir()}/armdeck-weave-gate-`);
    await writeFile(`${dir}/reply`, reply);
    await writeFile(`${dir}/weave`, `#!/bin/sh\ncat '${dir}/reply'\n`);
    await chmod(`${dir}/weave`, 0o755);
    const script = `f() {\n  ${weaveCheck(agent).script(recipeContext(settings, agent, [master, agent]))}\n}\nf`;
    return new Promise((resolve) => execFile("sh", ["-c", script], { env: { ...process.env, PATH: `${dir}:${process.env.PATH}` } }, (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, out: stdout + stderr })));
  }

  it("is in the gate only when Weave changes", () => {
    expect(gateChecks(agent, settings, [master]).some((c) => c.text.startsWith("Weave Net:"))).toBe(false);
    expect(weaveCheck(agent).text).toBe("Weave Net: weave status says Version 2.8.1, and every connection to a peer is established");
  });

  it("passes for the new router with every connection established", async () => {
    expect(await runWeave(status("2.8.1", "2 (2 established)"))).toEqual({ code: 0, out: "" });
  });

  it("fails while the old router still runs, naming its version", async () => {
    expect(await runWeave(status("2.8.0", "2 (2 established)"))).toEqual({ code: 1, out: "the Weave router runs 2.8.0, not 2.8.1\n" });
  });

  it("fails while a connection is not established", async () => {
    expect(await runWeave(status("2.8.1", "3 (2 established, 1 failed)"))).toEqual({ code: 1, out: "Weave connections not all established: 3 (2 established, 1 failed)\n" });
    expect(await runWeave(status("2.8.1", "2 (1 pending, 1 connecting)"))).toEqual({ code: 1, out: "Weave connections not all established: 2 (1 pending, 1 connecting)\n" });
  });
});
