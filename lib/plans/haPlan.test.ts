import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../cluster/clusterSettingsSchema.ts";
import type { RecipeNode } from "../recipes/recipeTypes.ts";
import { buildPlan, PlanError } from "./buildPlan.ts";
import { renderRunbook } from "./renderRunbook.ts";

// Three or five masters: every master runs the master steps, ZooKeeper is an ensemble, Mesos a
// replicated log with a majority quorum, and everything points at every member.

const node = (name: string, address: string, role: "master" | "agent" | "both"): RecipeNode => ({
  id: `id-${name}`,
  name,
  address,
  arch: "aarch64",
  cpus: 4,
  systemd: false,
  isMaster: role !== "agent",
  isAgent: role !== "master",
});

// Listed out of name order: the ensemble order is by name, whatever order the nodes come in.
const ha = [node("m3", "192.0.2.13", "master"), node("a1", "192.0.2.21", "agent"), node("m1", "192.0.2.11", "master"), node("m2", "192.0.2.12", "master"), node("a2", "192.0.2.22", "agent")];
const script = (plan: ReturnType<typeof buildPlan>, key: string) => plan.jobs.find((j) => j.key === key)!.script;
const ENSEMBLE = "192.0.2.11:2181,192.0.2.12:2181,192.0.2.13:2181";

describe("buildPlan with several masters", () => {
  it("refuses 2, 4 and 6 masters with why, and accepts 3 and 5", () => {
    for (const n of [2, 4, 6]) {
      const nodes = Array.from({ length: n }, (_, i) => node(`m${i}`, `192.0.2.${10 + i}`, "both"));
      expect(() => buildPlan("bring-up", DEFAULT_SETTINGS, nodes)).toThrow(PlanError);
      expect(() => buildPlan("bring-up", DEFAULT_SETTINGS, nodes)).toThrow(/Armdeck runs 1, 3 or 5/);
    }
    const five = Array.from({ length: 5 }, (_, i) => node(`m${i}`, `192.0.2.${10 + i}`, "both"));
    expect(buildPlan("start", DEFAULT_SETTINGS, five).jobs.filter((j) => j.step.id === "mesos-master.start")).toHaveLength(5);
    expect(script(buildPlan("start", DEFAULT_SETTINGS, five), "id-m4:mesos-master.start")).toContain("--quorum=3");
  });

  it("runs every master step on every master", () => {
    const plan = buildPlan("bring-up", DEFAULT_SETTINGS, ha);
    for (const id of ["zookeeper.configure", "zookeeper.start", "mesos-master.start", "marathon.build", "marathon.start"]) {
      expect(plan.jobs.filter((j) => j.step.id === id).map((j) => j.node.name).sort()).toEqual(["m1", "m2", "m3"]);
    }
    expect(plan.jobs.filter((j) => j.step.id === "mesos-agent.start").map((j) => j.node.name).sort()).toEqual(["a1", "a2"]);
  });

  it("writes the ensemble's server lines and each master's myid in name order", () => {
    const plan = buildPlan("bring-up", DEFAULT_SETTINGS, ha);
    for (const [name, id] of [["m1", 1], ["m2", 2], ["m3", 3]] as const) {
      const s = script(plan, `id-${name}:zookeeper.configure`);
      expect(s).toContain("'server.1=192.0.2.11:2888:3888' 'server.2=192.0.2.12:2888:3888' 'server.3=192.0.2.13:2888:3888'");
      expect(s).toContain(`'clientPortAddress=192.0.2.1${id}'`);
      expect(s).toContain(`printf '%s\\n' ${id} > '/var/lib/armdeck'/zookeeper/myid`);
    }
    // The check notices a changed ensemble: it counts the server lines and reads myid.
    const s = script(plan, "id-m2:zookeeper.configure");
    expect(s).toContain(`[ "$(grep -c '^server\\.' "$cfg")" = 3 ]`);
    expect(s).toContain(`[ "$(cat '/var/lib/armdeck'/zookeeper/myid 2>/dev/null)" = 2 ]`);
  });

  it("points masters, agents and Marathon at the whole ensemble with a majority quorum", () => {
    const plan = buildPlan("start", DEFAULT_SETTINGS, ha);
    const master = script(plan, "id-m2:mesos-master.start");
    expect(master).toContain(`--zk='zk://${ENSEMBLE}/mesos'`);
    expect(master).toContain("--quorum=2");
    expect(master).toContain("'--hostname=192.0.2.12'");
    expect(script(plan, "id-a1:mesos-agent.start")).toContain(`--master='zk://${ENSEMBLE}/mesos'`);
    const marathon = script(plan, "id-m3:marathon.start");
    expect(marathon).toContain(`--master 'zk://${ENSEMBLE}/mesos' --zk 'zk://${ENSEMBLE}/marathon'`);
  });

  it("starts ZooKeeper on every master before any Mesos master, and masters before agents", () => {
    const plan = buildPlan("bring-up", DEFAULT_SETTINGS, ha);
    const deps = new Map(plan.jobs.map((j) => [j.key, j.dependsOn]));
    for (const m of ["m1", "m2", "m3"]) {
      for (const z of ["m1", "m2", "m3"]) expect(deps.get(`id-${m}:mesos-master.start`)).toContain(`id-${z}:zookeeper.start`);
      // The ZooKeeper starts wait for no other member: ruok answers before the ensemble has a quorum.
      expect(deps.get(`id-${m}:zookeeper.start`)!.filter((d) => d.endsWith("zookeeper.start"))).toEqual([]);
      for (const a of ["a1", "a2"]) expect(deps.get(`id-${a}:mesos-agent.start`)).toContain(`id-${m}:mesos-master.start`);
    }
  });

  it("shows the topology at the top of the runbook", () => {
    const plan = buildPlan("bring-up", DEFAULT_SETTINGS, ha);
    const head = renderRunbook(plan, new Date(0)).split("\n").slice(0, 8).join("\n");
    expect(head).toContain("# Masters (3, quorum 2: survives 1 master down): m1 (192.0.2.11, ZooKeeper id 1), m2 (192.0.2.12, ZooKeeper id 2), m3 (192.0.2.13, ZooKeeper id 3)");
    expect(head).toContain("# Agents (2): a1 (192.0.2.21), a2 (192.0.2.22)");
    expect(head).toContain(`# Mesos: zk://${ENSEMBLE}/mesos`);
    expect(head).toContain(`# Marathon: zk://${ENSEMBLE}/marathon`);
  });

  it("brackets IPv6 members in zk:// URLs and server lines", () => {
    const v6 = [node("m1", "2001:db8::11", "both"), node("m2", "2001:db8::12", "both"), node("m3", "2001:db8::13", "both")];
    const plan = buildPlan("bring-up", DEFAULT_SETTINGS, v6);
    expect(script(plan, "id-m1:mesos-master.start")).toContain("--zk='zk://[2001:db8::11]:2181,[2001:db8::12]:2181,[2001:db8::13]:2181/mesos'");
    expect(script(plan, "id-m1:zookeeper.configure")).toContain("'server.2=[2001:db8::12]:2888:3888'");
  });
});
