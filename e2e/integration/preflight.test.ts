// Preflight and Verify on real sshd cluster hosts: a clean cluster passes; a port taken on one
// host, a clock two minutes off (a stand-in `date`), a full disk (a stand-in `df`) and the same
// machine enrolled twice are each named on the right node; a bring-up stopped by a red check
// installs nothing; and after a full bring-up, Verify is green until an agent is stopped by hand.
// Each run opens exactly one SSH channel per node (counted in each sshd's own log).
import { readFile } from "node:fs/promises";
import net from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { setClockOffset, setDiskFree, type ClusterHost } from "../harness/clusterHosts";
import { useRunnerCluster } from "../harness/inProcessRuns";
import { useFreshTestDatabase } from "../harness/testDatabase";

useFreshTestDatabase();
const { db } = await import("../../lib/db/client.ts");
const { createNode } = await import("../../lib/nodes/createNode.ts");
const { deleteNode } = await import("../../lib/nodes/deleteNode.ts");
const { createPlanRun } = await import("../../lib/jobs/planRuns.ts");
const { startPreflight } = await import("../../lib/preflight/startPreflight.ts");
const { startVerify } = await import("../../lib/drift/startVerify.ts");
const { getProbeRun } = await import("../../lib/preflight/getProbeRun.ts");
const { PREFLIGHT_CHECKS } = await import("../../lib/preflight/checkNames.ts");
const { logPath } = await import("../../lib/jobs/logStore.ts");

const actor = { username: "tester" };
let master: ClusterHost, agent1: ClusterHost, agent2: ClusterHost;
const cluster = useRunnerCluster(
  [
    { arch: "x86_64", hostname: "pf-master" },
    { arch: "aarch64", hostname: "pf-agent1" },
    { arch: "x86_64", hostname: "pf-agent2" },
  ],
  actor,
);
const { hosts } = cluster;
beforeAll(() => {
  [master, agent1, agent2] = hosts as [ClusterHost, ClusterHost, ClusterHost];
});

/** Exec channels sshd started on each host so far ("Starting session: command …", LogLevel VERBOSE). */
async function channelCounts(): Promise<number[]> {
  return Promise.all(hosts.map(async (h) => ((await readFile(h.logFile, "utf8")).match(/Starting session: command/g) ?? []).length));
}

async function preflight() {
  const before = await channelCounts();
  const run = await startPreflight(1, actor);
  await run.done;
  const after = await channelCounts();
  const view = await getProbeRun(1, "preflight", run.id);
  return { view, channels: after.map((n, i) => n - before[i]!), failing: view.checks.filter((c) => c.status === "fail").map((c) => `${c.node} ${c.check}`) };
}

const finding = <T extends { node: string; check: string }>(checks: T[], node: string, check: string) => checks.find((c) => c.node === node && c.check === check);

describe("preflight", () => {
  it("passes on a clean cluster: every documented check of each role, one SSH channel per node", async () => {
    const { view, channels, failing } = await preflight();
    expect(view.status).toBe("succeeded");
    expect(failing).toEqual([]);
    expect(channels).toEqual([1, 1, 1]);
    for (const c of view.checks) expect(PREFLIGHT_CHECKS).toContain(c.check);
    const names = (node: string) => view.checks.filter((c) => c.node === node).map((c) => c.check);
    // The master (also an agent) holds the ZooKeeper, Mesos and Marathon ports; agents reach it.
    expect(names("pf-master")).toEqual(expect.arrayContaining(["port:2181", "port:2888", "port:3888", "port:5050", "port:8080", "port:5051", "clock", "duplicate"]));
    expect(names("pf-agent1")).toEqual(expect.arrayContaining(["reach:master:5050", "reach:master:2181", "reach:peer:6783", "port:5051", "resolve"]));
    expect(names("pf-agent1")).not.toContain("port:5050");
    expect(finding(view.checks, "pf-agent1", "arch")!.detail).toBe("aarch64");
    expect(finding(view.checks, "pf-agent1", "reach:master:5050")!.detail).toContain(`${master.address}:5050 accepts TCP connections (nc -z)`);
    // The listeners were only for the window: nothing is left listening on the hosts.
    const left = await master.exec(`ss -Hltn 'sport = :5050' | grep -F ${master.address} || true`);
    expect(left.stdout.trim()).toBe("");
  }, 120_000);

  it("names a port something else listens on, on that host only", async () => {
    const blocker = net.createServer((s) => s.destroy());
    await new Promise<void>((r) => blocker.listen(5050, master.address, r));
    try {
      const { failing, view } = await preflight();
      expect(failing).toEqual(["pf-master port:5050"]);
      expect(finding(view.checks, "pf-master", "port:5050")!.detail).toContain(`${master.address}:5050`);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  }, 120_000);

  it("names the node whose clock is two minutes off", async () => {
    await setClockOffset(agent2, 120);
    try {
      const { failing, view } = await preflight();
      expect(failing).toEqual(["pf-agent2 clock"]);
      expect(finding(view.checks, "pf-agent2", "clock")!.detail).toMatch(/^1(19|20|21)\.\d s ahead of the other nodes/);
      expect(finding(view.checks, "pf-master", "clock")!.status).toBe("ok");
    } finally {
      await setClockOffset(agent2, null);
    }
  }, 120_000);

  it("names a full disk where Mesos is built", async () => {
    await setDiskFree(agent1, 300 * 1024);
    try {
      const { failing, view } = await preflight();
      expect(failing).toEqual(["pf-agent1 disk"]);
      expect(finding(view.checks, "pf-agent1", "disk")!.detail).toMatch(/^0\.3 GB free on \/\S*; building Mesos needs at least 4\.0 GB/);
    } finally {
      await setDiskFree(agent1, null);
    }
  }, 120_000);

  it("names the same machine enrolled twice, on both entries", async () => {
    const dup = await createNode(
      { name: "pf-master-again", address: master.address, port: master.port, username: "root", auth: { kind: "key", privateKey: master.root.privateKey }, role: "agent", hostKeyFingerprint: await master.hostKeyFingerprint(), allowDuplicate: true },
      actor,
    );
    try {
      const { failing, view } = await preflight();
      expect(failing).toEqual(expect.arrayContaining(["pf-master duplicate", "pf-master-again duplicate"]));
      expect(finding(view.checks, "pf-master", "duplicate")!.detail).toContain("pf-master-again (same host key, same address");
    } finally {
      await deleteNode(dup.id, actor);
    }
  }, 120_000);

  it("a bring-up with a red check stops before anything is installed, naming the check", async () => {
    await setDiskFree(agent1, 300 * 1024);
    try {
      const refused = await createPlanRun(1, "bring-up", {}, actor, { confirm: true }).catch((e) => e);
      expect(refused.code).toBe("preflight_failed");
      expect(refused.status).toBe(422);
      expect(refused.message).toContain("pf-agent1 disk: 0.3 GB free");
      expect(refused.extra.preflight.failing.map((c: { node: string; check: string }) => `${c.node} ${c.check}`)).toEqual(["pf-agent1 disk"]);
      // Only the preflight run exists, and no host's package database was touched.
      expect((await db.planRun.findMany()).map((r) => r.plan).filter((p) => p !== "preflight")).toEqual([]);
      for (const h of hosts) expect((await h.exec("ls /var/lib/armdeck-shims/dpkg.json 2>/dev/null || true")).stdout.trim()).toBe("");
    } finally {
      await setDiskFree(agent1, null);
    }
  }, 120_000);
});

describe("verify (drift)", () => {
  it("after a full bring-up every step's check holds; an agent stopped by hand is named", async () => {
    const { id } = await createPlanRun(1, "bring-up", {}, actor, { confirm: true });
    await cluster.runner.idle(900_000);
    const run = await db.planRun.findUniqueOrThrow({ where: { id }, include: { jobs: true } });
    expect(run.jobs.filter((j) => j.status !== "succeeded").map((j) => `${j.nodeName} ${j.stepId}: ${j.failure}`)).toEqual([]);

    const verify = async () => {
      const before = await channelCounts();
      const v = await startVerify(1, actor);
      await v.done;
      const channels = (await channelCounts()).map((n, i) => n - before[i]!);
      const view = await getProbeRun(1, "verify", v.id);
      // On a surprise, show what the nodes printed, as the run page would.
      if (view.checks.some((c) => c.status !== "ok")) {
        for (const j of await db.job.findMany({ where: { planRunId: v.id } })) console.error(`${j.nodeName} ${j.status} ${j.failure ?? ""}\n${await readFile(logPath(j.id), "utf8").catch(() => "")}`);
      }
      return { view, channels };
    };
    const clean = await verify();
    expect(clean.view.checks.filter((c) => c.status !== "ok").map((c) => c.detail)).toEqual([]);
    expect(clean.channels).toEqual([1, 1, 1]);
    expect(clean.view.checks.map((c) => c.check)).toEqual(expect.arrayContaining(["prereq.packages", "mesos.install", "mesos-agent.start", "mesos.fix-config-guess"]));

    // Stop pf-agent1's Mesos agent by hand, the way an operator would (its supervisor's group).
    const stopped = await agent1.exec('pid=$(cat /var/lib/armdeck/services/mesos-agent.pid) && kill -TERM "-$pid" && rm /var/lib/armdeck/services/mesos-agent.pid && echo stopped');
    expect(stopped.stdout.trim()).toBe("stopped");
    const drift = await verify();
    const red = drift.view.checks.filter((c) => c.status !== "ok");
    expect(red.map((c) => `${c.node} ${c.check}`)).toEqual(["pf-agent1 mesos-agent.start"]);
    expect(red[0]!.detail).toMatch(/^mesos-agent on pf-agent1: not running, its health probe fails/);
  }, 1_000_000);
});
