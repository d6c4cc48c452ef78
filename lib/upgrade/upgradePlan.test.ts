import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type ClusterSettings } from "../cluster/clusterSettingsSchema.ts";
import type { RecipeNode } from "../recipes/recipeTypes.ts";
import { GATE_STEP_ID } from "./healthGate.ts";
import { rollingOrder } from "./rollingOrder.ts";
import { renderRunbook } from "../plans/renderRunbook.ts";
import { buildUpgradePlan } from "./upgradePlan.ts";
import { versionChanges, type InstalledSettings } from "./upgradeVersions.ts";

const node = (name: string, role: "master" | "agent" | "both", n: number): RecipeNode => ({
  id: `id${name}`,
  name,
  address: `192.0.2.${n}`,
  arch: "x86_64",
  cpus: 2,
  systemd: false,
  isMaster: role !== "agent",
  isAgent: role !== "master",
});

// Three masters (one also an agent) and two agents, listed out of order on purpose.
const cluster = [node("m3", "master", 3), node("a2", "agent", 12), node("m1", "both", 1), node("a1", "agent", 11), node("m2", "master", 2)];
const OLD: ClusterSettings = { ...DEFAULT_SETTINGS, mesosVersion: "1.4.0", marathonVersion: "v1.5.1" };
const NEW: ClusterSettings = { ...OLD, mesosVersion: "1.11.0" };
const allOn = (s: ClusterSettings): InstalledSettings => new Map(cluster.map((n) => [n.id, s]));

describe("rollingOrder", () => {
  it("restarts the masters first, the leader last of them, then the agents one at a time (Mesos's upgrade procedure)", () => {
    const order = rollingOrder(cluster, { address: "192.0.2.1" });
    expect(order.map((o) => o.node.name)).toEqual(["m2", "m3", "m1", "a1", "a2"]);
    expect(order[2]!.reason).toMatch(/leading master, last of the masters/);
    expect(order[0]!.reason).toMatch(/not leading \(the leader is m1\)/);
    expect(order[3]!.reason).toMatch(/^agent, after every master: drained one at a time/);
  });

  it("orders masters by name when the leader is unknown, and says the last is last by position only", () => {
    const order = rollingOrder(cluster, null);
    expect(order.map((o) => o.node.name)).toEqual(["m1", "m2", "m3", "a1", "a2"]);
    expect(order[2]!.reason).toMatch(/last of the masters by position only: the leader was unknown/);
    expect(order[0]!.reason).toMatch(/leader was unknown/);
  });
});

describe("versionChanges", () => {
  it("finds what differs, grouped by old version, and ignores nodes that never installed", () => {
    const installed = allOn(OLD);
    installed.set("ida2", { ...OLD, mesosVersion: "1.11.0" });
    installed.set("idm3", null);
    const changes = versionChanges(NEW, cluster, installed);
    expect(changes).toEqual([{ component: "mesos", from: "1.4.0", to: "1.11.0", nodes: ["idm1", "ida1", "idm2"].map((id) => ({ id, name: id.slice(2) })) }]);
    expect(versionChanges(OLD, cluster, allOn(OLD))).toEqual([]);
  });

  it("counts Marathon on masters only", () => {
    const changes = versionChanges({ ...OLD, marathonVersion: "v1.10.17" }, cluster, allOn(OLD));
    expect(changes.map((c) => [c.component, c.nodes.map((n) => n.name)])).toEqual([["marathon", ["m3", "m1", "m2"]]]);
  });
});

describe("buildUpgradePlan", () => {
  const plan = buildUpgradePlan(NEW, cluster, allOn(OLD), { address: "192.0.2.1" });
  const byKey = new Map(plan.jobs.map((j) => [j.key, j]));

  it("builds beside on every node with no service step, then chains the nodes through their gates", () => {
    const firstRolling = plan.jobs.findIndex((j) => j.step.id.endsWith(".stop"));
    const phase1 = plan.jobs.slice(0, firstRolling);
    expect(phase1.some((j) => /\.(start|stop)$|mesos\.install/.test(j.step.id))).toBe(false);
    expect(new Set(phase1.map((j) => j.node.name))).toEqual(new Set(["a1", "a2", "m1", "m2", "m3"]));
    // The first node's first rolling job waits for every node's build.
    expect(new Set(plan.jobs[firstRolling]!.dependsOn.map((k) => byKey.get(k)!.node.name))).toEqual(new Set(["a1", "a2", "m1", "m2", "m3"]));
    const gates = plan.jobs.filter((j) => j.step.id === GATE_STEP_ID).map((j) => j.node.name);
    expect(gates).toEqual(["m2", "m3", "m1", "a1", "a2"]);
    // Each node's first rolling job depends on the previous node's gate, and only on it.
    const rolling = plan.jobs.slice(firstRolling);
    for (const [prev, next] of [["m2", "m3"], ["m3", "m1"], ["m1", "a1"], ["a1", "a2"]] as const) {
      const first = rolling.find((j) => j.node.name === next)!;
      expect(first.dependsOn).toEqual([`id${prev}:${GATE_STEP_ID}`]);
    }
  });

  it("restarts an agent's agent only, and a master+agent's master, agent and Marathon around make install of the new tree", () => {
    const steps = (name: string) => plan.jobs.filter((j) => j.node.name === name).map((j) => j.step.id);
    expect(steps("a1").slice(-4)).toEqual(["mesos-agent.stop", "mesos.install", "mesos-agent.start", GATE_STEP_ID]);
    expect(steps("m1").slice(-8)).toEqual(["marathon.stop", "mesos-agent.stop", "mesos-master.stop", "mesos.install", "mesos-master.start", "mesos-agent.start", "marathon.start", GATE_STEP_ID]);
    expect(byKey.get(`ida1:mesos.install`)!.script).toContain("cd '/opt/armdeck/mesos-1.11.0'/build\nmake install");
    expect(byKey.get(`ida1:mesos.make`)!.script).toContain("cd '/opt/armdeck/mesos-1.11.0'/build\nmake -j2");
  });

  it("writes a rollback script with the old tree's paths, and every rolling job names the command first", () => {
    const write = byKey.get("ida1:upgrade.rollback-script")!.script;
    expect(write).toContain("cat > '/var/lib/armdeck/rollback/to-mesos-1.4.0-marathon-v1.5.1.sh' <<'ARMDECK_ROLLBACK'");
    expect(write).toContain("cd '/opt/armdeck/mesos-1.4.0'/build\nmake install\nldconfig");
    expect(write).toContain("printf '%s\\n' '1.4.0' > '/var/lib/armdeck/state'/mesos-installed");
    expect(write).not.toContain("mesos-1.11.0");
    expect(plan.upgrade.order.find((o) => o.nodeName === "a1")!.rollback).toBe(
      "roll back a1: sh '/var/lib/armdeck/rollback/to-mesos-1.4.0-marathon-v1.5.1.sh' (as root; it stops mesos-agent, runs make install in /opt/armdeck/mesos-1.4.0/build and ldconfig, starts them again from Mesos 1.4.0 and Marathon v1.5.1)",
    );
  });

  it("quotes the rollback path where a folder setting holds shell characters", () => {
    // The schema forbids a quote in a path; quoting holds even so, for a value that got past it.
    const odd = { ...OLD, armdeckDir: "/srv/a'b" };
    const p = buildUpgradePlan({ ...NEW, armdeckDir: "/srv/a'b" }, cluster, allOn(odd), null);
    expect(p.upgrade.order.find((o) => o.nodeName === "a1")!.rollback).toContain(`sh '/srv/a'\\''b/rollback/to-mesos-1.4.0-marathon-v1.5.1.sh'`);
    // Every rolling job says it before its own commands.
    for (const j of p.jobs.filter((j) => j.node.name === "a1" && /stop|install|start/.test(j.step.id))) expect(j.script).toContain("roll back a1: sh");
  });

  it("says in the plan what the gates check, in order, and when the leader was unknown", () => {
    expect(plan.upgrade.order.map((o) => o.nodeName)).toEqual(["m2", "m3", "m1", "a1", "a2"]);
    expect(plan.upgrade.order[3]!.gate.join("\n")).toMatch(/\/master\/slaves lists 192\.0\.2\.11:5051 as active, version 1\.11\.0/);
    expect(plan.upgrade.order[2]!.gate.join("\n")).toMatch(/\/version on 192\.0\.2\.1:5050 says 1\.11\.0/);
    expect(plan.upgrade.order[2]!.gate.join("\n")).toMatch(/\/v2\/leader on 192\.0\.2\.1:8080/);
    expect(plan.outline!.join("\n")).toMatch(/Phase 1\. Build beside[\s\S]*Phase 2\. Rolling/);
    expect(plan.warnings.join(" ")).not.toMatch(/leading master was unknown/);
    expect(buildUpgradePlan(NEW, cluster, allOn(OLD), null).warnings.join(" ")).toMatch(/leading master was unknown/);
  });

  it("puts both phases, the order with its reasons and each gate's checks at the head of the runbook", () => {
    const text = renderRunbook(plan, new Date(0));
    expect(text).toContain("# Upgrade: Mesos 1.4.0 → 1.11.0 on 5 nodes");
    expect(text).toMatch(/# Phase 1\. Build beside: .*no service is touched/);
    expect(text).toMatch(/# Phase 2\. Rolling: one node at a time/);
    expect(text).toMatch(/#   3\. m1: leading master, last of the masters: .* Gate: Mesos master: .*\/health answers 200; .*If it fails: roll back m1: sh/);
  });

  it("upgrades Weave Net alone: the new script downloaded beside, then each node's router restarted and gated, nothing else", () => {
    const p = buildUpgradePlan({ ...OLD, weaveVersion: "2.8.1" }, cluster, allOn({ ...OLD, weaveVersion: "2.8.0" }), { address: "192.0.2.1" });
    expect(p.title).toBe("Rolling upgrade: Weave Net 2.8.0 → 2.8.1");
    const steps = (name: string) => p.jobs.filter((j) => j.node.name === name).map((j) => j.step.id);
    // Beside: no Mesos or Marathon build; the rollback's copy of the running script kept first.
    expect(steps("a1")).toEqual(["upgrade.weave-fetch", "upgrade.rollback-script", "weave.stop", "upgrade.weave-install", "weave.start", GATE_STEP_ID]);
    expect(steps("m2")).toEqual(steps("a1"));
    const fetch = p.jobs.find((j) => j.key === "ida1:upgrade.weave-fetch")!.script;
    expect(fetch).toContain("cp /usr/local/bin/weave '/usr/local/lib/armdeck/weave-2.8.0'");
    expect(fetch).toContain("curl -fsSL -o '/usr/local/lib/armdeck/weave-2.8.1.download'");
    expect(p.jobs.find((j) => j.key === "ida1:upgrade.weave-install")!.script).toContain("install -m 0755 '/usr/local/lib/armdeck/weave-2.8.1' /usr/local/bin/weave");
    // The gate asks the running router, and the rollback puts the kept script back.
    const a1 = p.upgrade.order.find((o) => o.nodeName === "a1")!;
    expect(a1.gate).toContain("Weave Net: weave status says Version 2.8.1, and every connection to a peer is established");
    expect(a1.rollback).toBe(
      "roll back a1: sh '/var/lib/armdeck/rollback/to-mesos-1.4.0-marathon-v1.5.1-weave-2.8.0.sh' (as root; it stops weave-router, puts back the weave 2.8.0 script kept in /usr/local/lib/armdeck/weave-2.8.0, starts them again from Mesos 1.4.0 and Marathon v1.5.1 and Weave 2.8.0)",
    );
    const rollback = p.jobs.find((j) => j.key === "ida1:upgrade.rollback-script")!.script;
    expect(rollback).toContain("install -m 0755 '/usr/local/lib/armdeck/weave-2.8.0' /usr/local/bin/weave");
    expect(rollback).not.toContain("make install");
  });

  it("refuses when nothing differs", () => {
    expect(() => buildUpgradePlan(OLD, cluster, allOn(OLD), null)).toThrow(/Nothing to upgrade/);
  });
});
