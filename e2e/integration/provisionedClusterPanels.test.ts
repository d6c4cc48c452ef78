// The panels of a PROVISIONED cluster, through the real server, after "Bring up cluster" on test
// hosts (aarch64 master+agent, aarch64 agent, x86_64 agent): the Mesos master, agents and
// Marathon that the runbook started are the stand-in's model behind the hosts' shims. Expected
// values come from the hosts (their names and architectures) and from the cluster's own Mesos and
// Marathon replies, never from Armdeck's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClusterHost } from "../harness/clusterHosts";
import type { TestClient } from "../harness/httpClient";
import { pollPanel, runPlan as runPlanOf, startProvisionedCluster, type ProvisionedCluster } from "../harness/provisionedCluster";

let hosts: ClusterHost[];
let admin: TestClient;
let mesosUrl: string;
let marathonUrl: string;

const runPlan = (plan: "bring-up" | "status") => runPlanOf(admin, plan);
const panel = (path: string, done: (body: any) => boolean) => pollPanel(admin, path, done);

const upstream = async (url: string, init?: RequestInit): Promise<any> => (await fetch(url, init)).json();

let cluster: ProvisionedCluster | undefined;

beforeAll(async () => {
  cluster = await startProvisionedCluster([
    { arch: "aarch64", hostname: "pc-arm-1" },
    { arch: "aarch64", hostname: "pc-arm-2" },
    { arch: "x86_64", hostname: "pc-x86-1" },
  ]);
  ({ hosts, admin, mesosUrl, marathonUrl } = cluster);
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
});

describe("a provisioned cluster's panels after Bring up", () => {
  it("brings the cluster up, then a Status run reports every service", async () => {
    const up = await runPlan("bring-up");
    expect(up.run.status, JSON.stringify(up.jobs.filter((j: { status: string }) => j.status !== "succeeded"))).toBe("succeeded");
    expect((await runPlan("status")).run.status).toBe("succeeded");
  }, 600_000);

  it("overview: Mesos and Marathon up with their leaders, 3 of 3 agents, ZooKeeper and Weave from the status report", async () => {
    const state = await upstream(`${mesosUrl}/master/state`);
    const { leader } = await upstream(`${marathonUrl}/v2/leader`);
    const o = await panel("/overview", (b) => b.agents.registered === 3 && b.marathon.state === "up");
    expect(o.mesos).toMatchObject({ state: "up", error: null });
    expect(o.mesos.leader).toContain(`${state.leader_info.hostname}:${state.leader_info.port}`);
    expect(o.agents).toMatchObject({ registered: 3, active: 3, expected: 3, state: "up" });
    expect(o.marathon.leader).toContain(leader);
    expect(o.marathon.frameworkId).toBe(state.frameworks.find((f: { name: string }) => f.name === "marathon").id);
    expect(o.zookeeper.state).toBe("up");
    expect(o.weave.nodes.map((n: { node: string }) => n.node).sort()).toEqual(hosts.map((h) => h.hostname).sort());
    expect(o.weave.state).toBe("up");
    expect(o.resources.arch).toEqual({ aarch64: 2, x86_64: 1 });
  });

  it("resources: each test host an agent, with its architecture from the node's facts and Mesos' numbers", async () => {
    const state = await upstream(`${mesosUrl}/master/state`);
    const r = await panel("/resources", (b) => b.agents.length === 3);
    const archOf = new Map(hosts.map((h, i) => [h.hostname, i < 2 ? "aarch64" : "x86_64"]));
    expect(r.agents.map((a: { hostname: string }) => a.hostname).sort()).toEqual([...archOf.keys()].sort());
    for (const a of r.agents) {
      const s = state.slaves.find((x: { id: string }) => x.id === a.id);
      expect(a).toMatchObject({ arch: archOf.get(a.hostname), active: true, total: { cpus: s.resources.cpus, memMb: s.resources.mem, ports: s.resources.ports } });
    }
  });

  it("Marathon: empty groups, deployments and queue; a group posted to its Marathon runs one instance on each agent", async () => {
    expect((await panel("/groups", () => true)).apps).toEqual([]);
    expect(await panel("/deployments", () => true)).toMatchObject({ deployments: [] });
    expect(await panel("/queue", () => true)).toMatchObject({ queue: [] });

    const group = { id: "/panels", apps: [{ id: "web", cmd: "sleep 1000", cpus: 0.1, mem: 32, instances: 3, constraints: [["hostname", "UNIQUE"]] }] };
    const posted = await fetch(`${marathonUrl}/v2/groups`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(group) });
    expect(posted.status).toBe(201);
    const groups = await panel("/groups", (b) => b.groups[0]?.apps[0]?.running === 3);
    expect(groups.groups[0]).toMatchObject({ id: "/panels", apps: [{ id: "/panels/web", instances: 3, running: 3 }] });
    const { tasks } = await upstream(`${marathonUrl}/v2/apps/panels/web/tasks`);
    expect(tasks.map((t: { host: string }) => t.host).sort()).toEqual(hosts.map((h) => h.hostname).sort());
    const r = await panel("/resources", (b) => b.agents.every((a: { tasks: number }) => a.tasks === 1));
    expect(r.used.cpus).toBeCloseTo(0.3);
  });
});
