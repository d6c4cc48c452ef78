// The overview and resources routes through the real server for an ADOPTED cluster pointing at the
// stand-in: every expected value is read from the stand-in's own replies (/master/state, /v2/info,
// /v2/leader), never from Armdeck's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandin, type Standin } from "../../standin/server";
import { startAppServer, type AppServer } from "../harness/appServer";
import { TestClient } from "../harness/httpClient";

let server: AppServer;
let standin: Standin;
let client: TestClient;
let clusterId: number;

interface Agent {
  id: string;
  hostname: string;
  resources: { cpus: number; mem: number; disk: number; ports?: string };
  attributes: Record<string, string | number>;
}
const upstream = async <T>(url: string): Promise<T> => (await fetch(url)).json() as Promise<T>;

beforeAll(async () => {
  [server, standin] = await Promise.all([startAppServer(), startStandin({ agents: 5, apps: 2, seed: 3 })]);
  client = new TestClient(server.url);
  expect((await client.login("admin", server.adminPassword)).status).toBe(200);
  const res = await client.call("POST", "/api/v1/clusters", { body: { name: "adopted-panels", mesosMasters: standin.mesosUrls, marathon: standin.marathonUrls } });
  expect(res.status, res.text).toBe(201);
  clusterId = res.body.id;
});

afterAll(async () => {
  await server?.stop();
  await standin?.stop();
});

describe("panel routes for an adopted cluster", () => {
  it("overview: Mesos and Marathon up with their leaders, the registered endpoints, Marathon's version from /v2/info", async () => {
    const state = await upstream<{ slaves: Agent[]; leader_info: { hostname: string; port: number } }>(`${standin.mesosUrls[0]}/master/state`);
    const info = await upstream<{ version: string }>(`${standin.marathonUrls[0]}/v2/info`);
    const { leader } = await upstream<{ leader: string }>(`${standin.marathonUrls[0]}/v2/leader`);
    const res = await client.call("GET", `/api/v1/clusters/${clusterId}/overview`);
    expect(res.status, res.text).toBe(200);
    const o = res.body;
    expect(o.mesos.state).toBe("up");
    expect(o.mesos.leader).toContain(`${state.leader_info.hostname}:${state.leader_info.port}`);
    expect(o.mesos.masters.map((m: { url: string }) => m.url)).toEqual(standin.mesosUrls);
    expect(o.agents).toMatchObject({ registered: state.slaves.length, expected: null });
    expect(o.marathon.state).toBe("up");
    expect(o.marathon.leader).toContain(leader);
    expect(o.marathon.version).toBe(info.version);
    // An adopted cluster has no status runs: Armdeck cannot see its ZooKeeper or Weave.
    expect(o.zookeeper).toBeNull();
  });

  it("resources: Mesos' own numbers per agent and summed, arch from the agents' attributes", async () => {
    const state = await upstream<{ slaves: Agent[] }>(`${standin.mesosUrls[0]}/master/state`);
    const res = await client.call("GET", `/api/v1/clusters/${clusterId}/resources`);
    expect(res.status, res.text).toBe(200);
    const sum = (f: (a: Agent) => number) => state.slaves.reduce((n, a) => n + f(a), 0);
    expect(res.body.total.cpus).toBeCloseTo(sum((a) => a.resources.cpus));
    expect(res.body.total.memMb).toBeCloseTo(sum((a) => a.resources.mem));
    expect(res.body.total.diskMb).toBeCloseTo(sum((a) => a.resources.disk));
    const byId = new Map(res.body.agents.map((a: { id: string }) => [a.id, a]));
    expect(byId.size).toBe(state.slaves.length);
    for (const s of state.slaves) {
      expect(byId.get(s.id)).toMatchObject({ hostname: s.hostname, arch: s.attributes.arch, total: { cpus: s.resources.cpus, memMb: s.resources.mem, ports: s.resources.ports } });
    }
  });

  it("history: the polls' /master/state averaged into 1-minute buckets, of the cluster and of one agent; bad hours a 400", async () => {
    const state = await upstream<{ slaves: Agent[] }>(`${standin.mesosUrls[0]}/master/state`);
    // The resources call above made the poller fetch the state; its listener writes the bucket.
    await expect
      .poll(async () => (await client.call("GET", `/api/v1/clusters/${clusterId}/history`)).body.series.length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const res = await client.call("GET", `/api/v1/clusters/${clusterId}/history?hours=1`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.bucketMs).toBe(60_000);
    const last = res.body.series.at(-1);
    expect(last.t % 60_000).toBe(0);
    expect(last.cpusTotal).toBeCloseTo(state.slaves.reduce((n, a) => n + a.resources.cpus, 0));
    expect(last.memTotalMb).toBeCloseTo(state.slaves.reduce((n, a) => n + a.resources.mem, 0));
    const one = state.slaves[0]!;
    const agent = await client.call("GET", `/api/v1/clusters/${clusterId}/history?agent=${encodeURIComponent(one.id)}`);
    expect(agent.status, agent.text).toBe(200);
    expect(agent.body.series.at(-1)).toMatchObject({ cpusTotal: one.resources.cpus, memTotalMb: one.resources.mem });
    expect((await client.call("GET", `/api/v1/clusters/${clusterId}/history?hours=0`)).status).toBe(400);
    expect((await client.call("GET", `/api/v1/clusters/${clusterId}/history?hours=25`)).status).toBe(400);
  });

  it("an unknown cluster is a 404, not a 500", async () => {
    expect((await client.call("GET", "/api/v1/clusters/999999/history")).status).toBe(404);
    expect((await client.call("GET", "/api/v1/clusters/999999/overview")).status).toBe(404);
    expect((await client.call("GET", "/api/v1/clusters/999999/resources")).status).toBe(404);
  });
});
