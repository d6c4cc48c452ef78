// "Bring up cluster" end to end: the real recipes, the real runner and real SSH on a 3-node
// cluster (master+agent and an agent on aarch64, an agent on x86_64), with a real ZooKeeper and
// stand-ins for what cannot run here (Mesos, Marathon, Docker, Weave).
import { describe, expect, it } from "vitest";
import { useRunnerCluster } from "../harness/inProcessRuns";
import { useFreshTestDatabase } from "../harness/testDatabase";

useFreshTestDatabase();

const cluster = useRunnerCluster([
  { arch: "aarch64", hostname: "od1000-1" },
  { arch: "aarch64", hostname: "od1000-0" },
  { arch: "x86_64", hostname: "x86-agent" },
]);
const { hosts, log, runPlan } = cluster;

describe("bring up cluster", () => {
  let jobs: Awaited<ReturnType<typeof runPlan>>["jobs"];

  it("runs every step of the runbook on the right nodes and succeeds", async () => {
    const run = await runPlan("bring-up");
    jobs = run.jobs;
    expect(run.status).toBe("succeeded");
    const on = (step: string) => jobs.filter((j) => j.stepId === step).map((j) => j.nodeName).sort();
    expect(on("zookeeper.start")).toEqual(["od1000-1"]);
    expect(on("marathon.start")).toEqual(["od1000-1"]);
    expect(on("mesos-master.start")).toEqual(["od1000-1"]);
    expect(on("mesos-agent.start")).toEqual(["od1000-0", "od1000-1", "x86-agent"]);
    expect(on("weave.start")).toEqual(["od1000-0", "od1000-1", "x86-agent"]);
  }, 600_000);

  it("ran each job only after everything it depends on had finished", () => {
    const byId = new Map(jobs.map((j) => [j.id, j]));
    for (const j of jobs) {
      for (const dep of JSON.parse(j.dependsOn) as string[]) {
        expect(byId.get(dep)!.finishedAt!.getTime(), `${j.nodeName} ${j.stepId} started before ${byId.get(dep)!.stepId}`).toBeLessThanOrEqual(j.startedAt!.getTime());
      }
    }
    const t = (node: string, step: string, edge: "startedAt" | "finishedAt") => jobs.find((j) => j.nodeName === node && j.stepId === step)![edge]!.getTime();
    expect(t("od1000-1", "zookeeper.start", "finishedAt")).toBeLessThanOrEqual(t("od1000-1", "mesos-master.start", "startedAt"));
    expect(t("od1000-1", "mesos-master.start", "finishedAt")).toBeLessThanOrEqual(t("x86-agent", "mesos-agent.start", "startedAt"));
    expect(t("od1000-1", "mesos-master.start", "finishedAt")).toBeLessThanOrEqual(t("od1000-1", "marathon.start", "startedAt"));
    // Independent nodes build at the same time.
    expect(t("od1000-0", "mesos.make", "startedAt")).toBeLessThan(t("x86-agent", "mesos.install", "finishedAt"));
  });

  it("applied the aarch64 config.guess fix on the aarch64 nodes only, after a first make that failed", () => {
    for (const node of ["od1000-1", "od1000-0"]) {
      const first = jobs.find((j) => j.nodeName === node && j.stepId === "mesos.make-first-pass")!;
      expect(log(first.id)).toContain("cannot guess build type");
      expect(log(first.id)).toContain("the first make failed, as the runbook expects");
      const fix = jobs.find((j) => j.nodeName === node && j.stepId === "mesos.fix-config-guess")!;
      expect(log(fix.id)).toMatch(/aarch64 fix: replaced .*\/config\.guess/);
      expect(log(fix.id)).toMatch(/aarch64 fix: \d+ config\.guess file\(s\) replaced with \/usr\/share\/automake-[\d.]+\/config\.guess/);
    }
    const x86 = jobs.filter((j) => j.nodeName === "x86-agent").map((j) => j.stepId);
    expect(x86).not.toContain("mesos.fix-config-guess");
    expect(x86).not.toContain("mesos.make-first-pass");
    const x86Make = jobs.find((j) => j.nodeName === "x86-agent" && j.stepId === "mesos.make")!;
    expect(log(x86Make.id)).not.toContain("cannot guess build type");
  });

  it("configured and started the real ZooKeeper (3.5+ settings said in the log) and it answers ruok", async () => {
    const master = hosts[0]!;
    const zkConf = jobs.find((j) => j.stepId === "zookeeper.configure")!;
    expect(log(zkConf.id)).toContain("is 3.5 or newer: AdminServer turned off");
    const cfg = (await master.exec("cat /opt/armdeck/mesos-1.11.0/3rdparty/zookeeper-*/conf/zoo.cfg")).stdout;
    expect(cfg).toContain("admin.enableServer=false");
    expect(cfg).toContain("4lw.commands.whitelist=ruok,srvr,mntr,stat");
    // printf, not echo: see the ZooKeeper probe in lib/recipes/components/services.ts.
    expect((await master.exec(`printf ruok | nc -w 3 ${master.address} 2181`)).stdout.trim()).toBe("imok");
  });

  it("status probes every service for real", async () => {
    const run = await runPlan("status", 120_000);
    expect(run.status).toBe("succeeded");
    expect(run.jobs.map((j) => j.serviceState)).toEqual(run.jobs.map(() => "up"));
    const marathon = run.jobs.find((j) => j.stepId === "marathon.status")!;
    expect(log(marathon.id)).toContain("Marathon: healthy");
  }, 180_000);

  it("a second bring-up skips every step by its check", async () => {
    const run = await runPlan("bring-up");
    expect(run.status).toBe("succeeded");
    const skipped = run.jobs.filter((j) => log(j.id).includes("already done (its check passed), skipping"));
    expect(skipped.length).toBe(run.jobs.length);
  }, 600_000);

  it("stop ends every service; ZooKeeper no longer answers", async () => {
    const run = await runPlan("stop", 180_000);
    expect(run.status).toBe("succeeded");
    const master = hosts[0]!;
    expect((await master.exec(`printf ruok | nc -w 2 ${master.address} 2181 || true`)).stdout.trim()).toBe("");
    // Status after stop is a report of stopped services, not a failed run.
    const after = await runPlan("status", 120_000);
    expect(after.status).toBe("succeeded");
    expect(new Set(after.jobs.map((j) => j.serviceState))).toEqual(new Set(["down"]));
  }, 300_000);
});
