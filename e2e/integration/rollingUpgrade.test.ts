// A rolling upgrade end to end on three test hosts (a master that is also an agent, two agents):
// brought up at Mesos 1.4.3, the setting changed to 1.11.0, the upgrade run by the real runner over
// real SSH, masters first (Mesos's own procedure), then the agents one at a time. The first agent's
// new mesos-agent dies at start (a shim fault): the upgrade stops there with the command to roll it
// back, the master (and its agent and Marathon) runs 1.11.0, and the second agent was never touched.
// Then the rollback command itself, and a clean run that upgrades the rest.
import { rm, writeFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import type { ClusterHost } from "../harness/clusterHosts";
import { useRunnerCluster } from "../harness/inProcessRuns";
import { useFreshTestDatabase } from "../harness/testDatabase";

useFreshTestDatabase();
const { pendingUpgrade } = await import("../../lib/upgrade/planUpgrade.ts");
const { getClusterSettings, saveClusterSettings } = await import("../../lib/cluster/clusterSettings.ts");

/** A version change as the settings form saves it (validated by the settings schema). */
const changeSettings = async (patch: Record<string, unknown>) => saveClusterSettings(1, { ...(await getClusterSettings(1)), ...patch }, { username: "tester" });

let m: ClusterHost, a1: ClusterHost, a2: ClusterHost;
const FAULT = "/var/lib/armdeck-shims/mesos-faults.json";

const cluster = useRunnerCluster([
  { arch: "x86_64", hostname: "up-m" },
  { arch: "x86_64", hostname: "up-a1" },
  { arch: "x86_64", hostname: "up-a2" },
]);
const { log, runPlan } = cluster;
beforeAll(() => {
  [m, a1, a2] = cluster.hosts as [ClusterHost, ClusterHost, ClusterHost];
});

async function sh(host: ClusterHost, command: string): Promise<string> {
  const r = await host.exec(command);
  if (r.code !== 0) throw new Error(`${host.hostname}: ${command} exited ${r.code}: ${r.stderr}`);
  return r.stdout.trim();
}

/** What the host itself says: the state file, the daemon's /version, and its process (pid and start time). */
async function onHost(host: ClusterHost, service: "mesos-agent" | "mesos-master" | "marathon", port: number) {
  const installed = await sh(host, "cat /var/lib/armdeck/state/mesos-installed");
  const supervisor = await sh(host, `cat /var/lib/armdeck/services/${service}.pid`);
  const child = await sh(host, `pgrep -P ${supervisor} | head -n 1`);
  const started = await sh(host, `ps -o lstart= -p ${child}`);
  const version = service === "marathon" ? "" : JSON.parse(await sh(host, `curl -fsS http://${host.address}:${port}/version`)).version;
  return { installed, version, process: `${child} ${started}` };
}

describe("rolling upgrade from Mesos 1.4.3 to 1.11.0", () => {
  type Seen = Awaited<ReturnType<typeof onHost>>;
  let before: { master: Seen; marathon: Seen; a1: Seen; a2: Seen };

  it("brings the cluster up at 1.4.3 and offers no upgrade", async () => {
    // 1.4.3, not the runbook's 1.4.0, which no longer compiles on a current OS (docs/builds.md; the
    // build stand-ins fail it the same way).
    await changeSettings({ mesosVersion: "1.4.3", weaveVersion: "2.8.0" });
    expect((await runPlan("bring-up")).status).toBe("succeeded");
    expect(await pendingUpgrade(1)).toEqual([]);
    before = {
      master: await onHost(m, "mesos-master", 5050),
      marathon: await onHost(m, "marathon", 8080),
      a1: await onHost(a1, "mesos-agent", 5051),
      a2: await onHost(a2, "mesos-agent", 5051),
    };
    expect(before.master.version).toBe("1.4.3");
  }, 600_000);

  it("offers the upgrade once the setting changes", async () => {
    await changeSettings({ mesosVersion: "1.11.0" });
    const changes = await pendingUpgrade(1);
    expect(changes.map((c) => [c.component, c.from, c.to, c.nodes.map((n) => n.name).sort()])).toEqual([["mesos", "1.4.3", "1.11.0", ["up-a1", "up-a2", "up-m"]]]);
  });

  it("stops at the node that does not come back, with its rollback command, and leaves the rest on 1.4.3", async () => {
    await writeFile(a1.hostPath(FAULT), JSON.stringify({ agentExitsAtStart: ["1.11.0"] }));
    const run = await runPlan("upgrade");
    expect(run.status).toBe("failed");
    // Masters first, then the agents by name.
    expect(run.jobs.filter((j) => j.stepId === "upgrade.gate").map((j) => j.nodeName)).toEqual(["up-m", "up-a1", "up-a2"]);
    const failed = run.jobs.filter((j) => j.status === "failed");
    expect(failed.map((j) => [j.nodeName, j.stepId])).toEqual([["up-a1", "mesos-agent.start"]]);
    expect(failed[0]!.failure).toContain("Roll back up-a1: sh '/var/lib/armdeck/rollback/to-mesos-1.4.3-marathon-v1.5.1.sh'");
    expect(failed[0]!.failure).toContain("make install in /opt/armdeck/mesos-1.4.3/build");
    expect(log(failed[0]!.id)).toContain("injected test fault: mesos-agent 1.11.0 exits at start");
    // Said as a crash loop after three exits, not after the whole 90 s wait.
    expect(log(failed[0]!.id)).toContain("Mesos agent keeps exiting at start (3 exits since this start)");
    // Every later job (a1's gate, the whole of a2's rolling part) was cancelled, not run.
    const later = run.jobs.filter((j) => j.seq > failed[0]!.seq && (j.nodeName === "up-a2" || j.stepId === "upgrade.gate"));
    expect(later.length).toBeGreaterThan(1);
    expect(later.every((j) => j.status === "cancelled")).toBe(true);

    // From the hosts: the master before it runs 1.11.0, its gate saw the leader, and its agent is
    // registered as such with the master.
    const master = await onHost(m, "mesos-master", 5050);
    expect([master.installed, master.version]).toEqual(["1.11.0", "1.11.0"]);
    expect(master.process).not.toBe(before.master.process);
    expect((await onHost(m, "marathon", 8080)).process).not.toBe(before.marathon.process);
    expect(await sh(m, `curl -fsS http://${m.address}:8080/ping`)).toBe("pong");
    const gate = run.jobs.find((j) => j.nodeName === "up-m" && j.stepId === "upgrade.gate")!;
    expect(gate.status).toBe("succeeded");
    expect(log(gate.id)).toContain("runs Mesos 1.11.0; the leading master is");
    const slaves = JSON.parse(await sh(m, `curl -fsS http://${m.address}:5050/master/slaves`)).slaves as { pid: string; version: string; active: boolean }[];
    expect(slaves.find((s) => s.pid.endsWith(`@${m.address}:5051`))).toMatchObject({ version: "1.11.0", active: true });
    // The failing node has the new install but no running agent.
    expect(await sh(a1, "cat /var/lib/armdeck/state/mesos-installed")).toBe("1.11.0");
    expect((await a1.exec(`curl -fsS -m 3 http://${a1.address}:5051/health`)).code).not.toBe(0);
    // The node after it: on 1.4.3, its agent the very process that ran before the upgrade, still
    // registered (a 1.11.0 master supports a 1.4.3 agent).
    expect(await onHost(a2, "mesos-agent", 5051)).toEqual(before.a2);
    expect(slaves.find((s) => s.pid.endsWith(`@${a2.address}:5051`))).toMatchObject({ version: "1.4.3", active: true });
    // It built 1.11.0 beside 1.4.3 all the same, without touching them.
    expect(await sh(a2, "ls -d /opt/armdeck/mesos-*")).toBe("/opt/armdeck/mesos-1.11.0\n/opt/armdeck/mesos-1.4.3");
  }, 600_000);

  it("the rollback command puts the failed node back on 1.4.3, healthy", async () => {
    await sh(a1, "sh /var/lib/armdeck/rollback/to-mesos-1.4.3-marathon-v1.5.1.sh");
    const back = await onHost(a1, "mesos-agent", 5051);
    expect([back.installed, back.version]).toEqual(["1.4.3", "1.4.3"]);
    expect(back.process).not.toBe(before.a1.process);
  }, 180_000);

  it("a clean run then upgrades the nodes still on 1.4.3, one at a time", async () => {
    await rm(a1.hostPath(FAULT));
    const changes = await pendingUpgrade(1);
    expect(changes.flatMap((c) => c.nodes.map((n) => n.name)).sort()).toEqual(["up-a1", "up-a2"]);
    const run = await runPlan("upgrade");
    expect(run.jobs.filter((j) => j.status !== "succeeded").map((j) => `${j.nodeName} ${j.stepId}: ${j.failure}`)).toEqual([]);
    expect(run.jobs.filter((j) => j.stepId === "upgrade.gate").map((j) => j.nodeName)).toEqual(["up-a1", "up-a2"]);
    for (const host of [a1, a2]) {
      const now = await onHost(host, "mesos-agent", 5051);
      expect([host.hostname, now.installed, now.version]).toEqual([host.hostname, "1.11.0", "1.11.0"]);
    }
    expect(await pendingUpgrade(1)).toEqual([]);
  }, 600_000);

  it("Weave Net alone: every router restarted on the new version node by node, Mesos and Marathon left running", async () => {
    await changeSettings({ weaveVersion: "2.8.1" });
    const changes = await pendingUpgrade(1);
    expect(changes.map((c) => [c.component, c.from, c.to, c.nodes.map((n) => n.name).sort()])).toEqual([["weave", "2.8.0", "2.8.1", ["up-a1", "up-a2", "up-m"]]]);
    const mesosBefore = await Promise.all([onHost(m, "mesos-master", 5050), onHost(a1, "mesos-agent", 5051), onHost(a2, "mesos-agent", 5051)]);
    const routerBefore = await sh(a2, "cat /var/lib/armdeck-shims/weave.json");
    const run = await runPlan("upgrade");
    expect(run.jobs.filter((j) => j.status !== "succeeded").map((j) => `${j.nodeName} ${j.stepId}: ${j.failure}`)).toEqual([]);
    expect(run.jobs.filter((j) => j.stepId === "upgrade.gate").map((j) => j.nodeName)).toEqual(["up-m", "up-a1", "up-a2"]);
    for (const host of [m, a1, a2]) {
      // What each host's router itself reports: the script and the running router, and its peers.
      expect(await sh(host, "weave version 2>&1")).toContain("weave script 2.8.1");
      const status = await sh(host, "weave status");
      expect(status).toMatch(/^\s*Version: 2\.8\.1 /m);
      expect(status).toMatch(/^\s*Connections: 2 \(2 established\)$/m);
      expect((await host.exec("ls /usr/local/lib/armdeck/weave-2.8.0 /usr/local/lib/armdeck/weave-2.8.1")).code).toBe(0);
    }
    expect(JSON.parse(await sh(a2, "cat /var/lib/armdeck-shims/weave.json")).launchedAt).not.toBe(JSON.parse(routerBefore).launchedAt);
    // Nothing but the routers restarted.
    expect(await Promise.all([onHost(m, "mesos-master", 5050), onHost(a1, "mesos-agent", 5051), onHost(a2, "mesos-agent", 5051)])).toEqual(mesosBefore);
    expect(await pendingUpgrade(1)).toEqual([]);
  }, 600_000);
});
