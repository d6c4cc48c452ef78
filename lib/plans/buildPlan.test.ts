import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../cluster/clusterSettingsSchema.ts";
import type { RecipeNode } from "../recipes/recipeTypes.ts";
import { buildPlan } from "./buildPlan.ts";

const node = (id: string, arch: string, role: "master" | "agent" | "both"): RecipeNode => ({
  id,
  name: id,
  address: `127.0.0.${id.length + 10}`,
  arch,
  cpus: 4,
  systemd: false,
  isMaster: role !== "agent",
  isAgent: role !== "master",
});

// The runbook's cluster: one master that is also an agent, and agents; one of them x86_64.
const cluster = [node("m", "aarch64", "both"), node("a1", "aarch64", "agent"), node("a2x", "x86_64", "agent")];

function jobsOf(plan: ReturnType<typeof buildPlan>, nodeId: string) {
  return plan.jobs.filter((j) => j.node.id === nodeId).map((j) => j.step.id);
}

describe("buildPlan", () => {
  it("puts the aarch64 config.guess fix only on aarch64 nodes, between two makes", () => {
    const plan = buildPlan("build", DEFAULT_SETTINGS, cluster);
    for (const id of ["m", "a1"]) {
      const steps = jobsOf(plan, id);
      expect(steps.indexOf("mesos.make-first-pass")).toBeLessThan(steps.indexOf("mesos.fix-config-guess"));
      expect(steps.indexOf("mesos.fix-config-guess")).toBeLessThan(steps.indexOf("mesos.make"));
    }
    expect(jobsOf(plan, "a2x")).not.toContain("mesos.fix-config-guess");
    expect(jobsOf(plan, "a2x")).not.toContain("mesos.make-first-pass");
    expect(jobsOf(plan, "a2x")).toContain("mesos.make");
  });

  it("takes Marathon from its release tarball when asked: no sbt, no build, the release's bin/marathon started", () => {
    const tarball = { ...DEFAULT_SETTINGS, marathonSource: "tarball" as const };
    const plan = buildPlan("bring-up", tarball, cluster);
    expect(jobsOf(plan, "m")).not.toContain("prereq.sbt");
    expect(jobsOf(plan, "m")).not.toContain("marathon.build");
    const fetch = plan.jobs.find((j) => j.step.id === "marathon.fetch")!.script;
    expect(fetch).toContain(`url=$(printf '%s' 'https://downloads.mesosphere.com/marathon/v{version}/marathon-{version}.tgz' | sed "s/{version}/"'1.5.1'"/g")`);
    expect(fetch).toContain("tar xzf '/opt/armdeck/marathon-v1.5.1'.tgz --strip-components=1 -C '/opt/armdeck/marathon-v1.5.1'");
    const start = plan.jobs.find((j) => j.step.id === "marathon.start")!;
    expect(start.script).toContain("'/opt/armdeck/marathon-v1.5.1/bin/marathon' --master");
    // Marathon starts once the release is unpacked (there is no build to wait for).
    expect(start.dependsOn).toContain("m:marathon.fetch");
    // The runbook's route stays the default: sbt installed, the tree built and staged.
    const git = buildPlan("bring-up", DEFAULT_SETTINGS, cluster);
    expect(jobsOf(git, "m")).toEqual(expect.arrayContaining(["prereq.sbt", "marathon.fetch", "marathon.build"]));
    expect(git.jobs.find((j) => j.step.id === "marathon.start")!.script).toContain("'/opt/armdeck/marathon-v1.5.1/target/universal/stage/bin/marathon' --master");
  });

  it("runs master-only steps on the master only", () => {
    const plan = buildPlan("bring-up", DEFAULT_SETTINGS, cluster);
    for (const id of ["zookeeper.configure", "marathon.build", "prereq.sbt", "zookeeper.start", "mesos-master.start", "marathon.start"]) {
      expect(plan.jobs.filter((j) => j.step.id === id).map((j) => j.node.id)).toEqual(["m"]);
    }
    expect(plan.jobs.filter((j) => j.step.id === "mesos-agent.start").map((j) => j.node.id).sort()).toEqual(["a1", "a2x", "m"]);
  });

  it("orders bring-up: an agent starts only after ZooKeeper and the master, Marathon after the master", () => {
    const plan = buildPlan("bring-up", DEFAULT_SETTINGS, cluster);
    const key = (n: string, s: string) => `${n}:${s}`;
    const deps = new Map(plan.jobs.map((j) => [j.key, j.dependsOn]));
    const reaches = (from: string, to: string): boolean => (deps.get(from) ?? []).some((d) => d === to || reaches(d, to));
    expect(reaches(key("a1", "mesos-agent.start"), key("m", "mesos-master.start"))).toBe(true);
    expect(reaches(key("a1", "mesos-agent.start"), key("m", "zookeeper.start"))).toBe(true);
    expect(reaches(key("a1", "mesos-agent.start"), key("a1", "weave.start"))).toBe(true);
    expect(reaches(key("m", "marathon.start"), key("m", "mesos-master.start"))).toBe(true);
    expect(reaches(key("m", "mesos-master.start"), key("m", "mesos.install"))).toBe(true);
    // Nodes are independent during the build: no agent build step waits for another node.
    expect(reaches(key("a1", "mesos.make"), key("m", "mesos.make"))).toBe(false);
    // Every dependency comes earlier in the order.
    const index = new Map(plan.jobs.map((j, i) => [j.key, i]));
    for (const j of plan.jobs) for (const d of j.dependsOn) expect(index.get(d)!).toBeLessThan(index.get(j.key)!);
  });

  it("peers each Weave router with every other node", () => {
    const plan = buildPlan("start", DEFAULT_SETTINGS, cluster);
    const weave = plan.jobs.find((j) => j.key === "a1:weave.start")!;
    expect(weave.script).toContain(`weave launch '127.0.0.11' '127.0.0.13'`);
  });

  it("puts IPv6 addresses in brackets in URLs", () => {
    const v6 = [{ ...node("m", "x86_64", "both"), address: "fd00::10" }];
    const plan = buildPlan("start", DEFAULT_SETTINGS, v6);
    const master = plan.jobs.find((j) => j.key === "m:mesos-master.start")!;
    expect(master.script).toContain("--zk='zk://[fd00::10]:2181/mesos'");
    expect(master.script).toContain("'http://[fd00::10]:5050/health'");
  });

  it("stops agents before the master on the same node", () => {
    const plan = buildPlan("stop", DEFAULT_SETTINGS, cluster);
    expect(plan.jobs.find((j) => j.key === "m:mesos-master.stop")!.dependsOn).toContain("m:mesos-agent.stop");
  });

  it("refuses a cluster without exactly one master, and warns about all ports", () => {
    expect(() => buildPlan("start", DEFAULT_SETTINGS, [node("a", "x86_64", "agent")])).toThrow(/no master/);
    expect(() => buildPlan("start", DEFAULT_SETTINGS, [node("m1", "x86_64", "master"), node("m2", "x86_64", "master")])).toThrow(/2 masters/);
    const plan = buildPlan("start", { ...DEFAULT_SETTINGS, agentPorts: "1-65535" }, cluster);
    expect(plan.warnings.join(" ")).toMatch(/offer ports 1-65535/);
  });
});
