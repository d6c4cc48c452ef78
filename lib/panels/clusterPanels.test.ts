import { afterEach, describe, expect, it } from "vitest";
import { MarathonClient } from "../marathon/marathonClient.ts";
import { MesosClient } from "../mesos/mesosClient.ts";
import { NotFoundError } from "../errors.ts";
import { ManualClock } from "../../standin/clock.ts";
import type { Standin } from "../../standin/server.ts";
import { startRunbookCluster } from "../../standin/testing/runbookCluster.ts";
import type { Audience } from "../upstream/audience.ts";
import { PollerRegistry } from "../upstream/pollerRegistry.ts";
import { registerPollerRegistry } from "../upstream/pollers.ts";
import type { PollSources } from "../upstream/pollSource.ts";
import { deploymentsPanel, groupsPanel, overviewPanel, queuePanel, resourcesPanel, tasksPanel } from "./clusterPanels.ts";
import { tasksQuerySchema } from "./tasksQuery.ts";
import { unwrapReply } from "./replyData.ts";
import { resourcesViewKey } from "./resourcesView.ts";
import { memoView } from "./viewMemo.ts";
import { mesosState } from "./testing/standinReplies.ts";

// What the panel routes call, through a real PollerRegistry whose sources are the real clients
// on the stand-in's endpoints (as lib/cluster wires them), on a manual clock.

let standin: Standin | undefined;
let registry: PollerRegistry | undefined;
afterEach(async () => {
  registerPollerRegistry(undefined);
  await registry?.stopAll();
  await standin?.stop();
  registry = standin = undefined;
});

const nobody: Audience = { watchers: () => 0, subscribe: () => () => undefined };

async function setup() {
  const s = await startRunbookCluster();
  standin = s;
  const clock = new ManualClock();
  const mesos = new MesosClient({ masters: standin.mesosUrls, readTimeoutMs: 2000 });
  const marathon = new MarathonClient({ instances: standin.marathonUrls, readTimeoutMs: 2000 });
  const sources: PollSources<Record<string, unknown>> = {
    "mesos.state": { upstream: "mesos", intervalMs: 5000, fetch: () => mesos.state() },
    "marathon.groups": { upstream: "marathon", intervalMs: 5000, fetch: () => marathon.groups() },
    "marathon.deployments": { upstream: "marathon", intervalMs: 5000, fetch: () => marathon.deployments() },
    "marathon.queue": { upstream: "marathon", intervalMs: 5000, fetch: () => marathon.queue({ lastUnusedOffers: true }) },
  };
  registry = new PollerRegistry({ clock, audience: nobody, publisher: { publish: () => undefined }, poller: { keepAliveMs: null }, sourcesFor: async (id) => (id === "c1" ? sources : null) });
  registerPollerRegistry(registry);
  return { standin: s, clock };
}

async function body(res: Response) {
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

describe("panel routes over the poller", () => {
  it("an unknown cluster is a 404", async () => {
    await setup();
    await expect(resourcesPanel("nope")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("resources and tasks come from the cached /master/state with its age", async () => {
    const { standin } = await setup();
    const { raw } = await mesosState(standin.mesosUrls[0]!);
    const r = await body(await resourcesPanel("c1"));
    expect(r.status).toBe(200);
    expect(r.json.agents.map((a: { hostname: string }) => a.hostname).sort()).toEqual(raw.slaves.map((a) => a.hostname).sort());
    expect(r.json.ageMs).toBe(0);
    expect(typeof r.json.fetchedAt).toBe("string");
    const t = await body(await tasksPanel("c1", tasksQuerySchema.parse({})));
    expect(t.json.total).toBe(raw.frameworks.reduce((n, f) => n + f.tasks.length + f.completed_tasks.length, 0));
  });

  it("Mesos down: 502 naming the master and why, with the last good data and its age; back by itself", async () => {
    const { standin, clock } = await setup();
    const good = await body(await resourcesPanel("c1"));
    for (let i = 0; i < standin.mesosUrls.length; i++) await standin.control.setMesosMaster(i, { mode: "refuse" });
    clock.advance(6000);
    // The first reader after a quiet spell gets the last data at once, with its age; the refresh
    // it started finds Mesos refusing, and from then on the reply says so.
    const first = await body(await resourcesPanel("c1"));
    expect(first.status).toBe(200);
    expect(first.json.ageMs).toBe(6000);
    await (await registry!.pollerFor("c1")).whenIdle();
    const down = await body(await resourcesPanel("c1"));
    expect(down.status).toBe(502);
    expect(down.json.error.upstream).toBe("mesos");
    expect(down.json.error.message).toMatch(/Mesos master .*refused the connection/);
    expect(down.json.stale.data.agents).toEqual(good.json.agents);
    expect(down.json.stale.ageMs).toBe(6000);
    // The overview is a state, not a failure.
    const ov = await overviewPanel("c1");
    expect(ov.mesos.state).toBe("down");
    expect(ov.mesos.error).toMatch(/refused/);

    for (let i = 0; i < standin.mesosUrls.length; i++) await standin.control.setMesosMaster(i, { mode: "up" });
    clock.advance(60_000);
    await body(await resourcesPanel("c1")); // the stale answer; its refresh reaches Mesos again
    await (await registry!.pollerFor("c1")).whenIdle();
    const back = await body(await resourcesPanel("c1"));
    expect(back.status).toBe(200);
    expect(back.json.ageMs).toBeLessThan(1000);
  });

  it("Marathon without a leader: 503", async () => {
    const { standin } = await setup();
    standin.control.setMarathonLeader(null);
    const g = await body(await groupsPanel("c1"));
    expect(g.status).toBe(503);
    expect(g.json.error).toMatchObject({ code: "upstream_no_leader", upstream: "marathon" });
    expect(g.json.stale).toBeNull();
  });

  it("the overview is built from the poll's one resources view, the one the resources panel serves", async () => {
    await setup();
    await overviewPanel("c1");
    const poller = await registry!.pollerFor("c1");
    const state = unwrapReply<object>(poller.peek("mesos.state").data).data;
    // Already there for this poll: no viewer's overview or resources request builds it again.
    let built = 0;
    memoView(state, resourcesViewKey(), () => ++built);
    expect(built).toBe(0);
  });

  it("overview: the leaders, agents registered, links to both UIs", async () => {
    const { standin } = await setup();
    const { raw } = await mesosState(standin.mesosUrls[0]!);
    await groupsPanel("c1");
    const ov = await overviewPanel("c1");
    const leader = new URL(standin.mesosUrls[0]!).host;
    expect(ov.mesos).toMatchObject({ state: "up", leader });
    expect(ov.agents).toMatchObject({ registered: raw.slaves.length, active: raw.slaves.length });
    expect(ov.marathon).toMatchObject({ state: "up", leader: new URL(standin.marathonUrls[0]!).host });
    expect(ov.links).toEqual({ mesosUi: `${standin.mesosUrls[0]}/`, marathonUi: `${standin.marathonUrls[0]}/` });
    expect(ov.zookeeper).toBeNull();
    expect(ov.resources?.arch).toEqual({ aarch64: raw.slaves.length });
  });

  it("queue and deployments of a stuck app", async () => {
    const { standin, clock } = await setup();
    const res = await fetch(`${standin.marathonUrls[0]}/v2/apps`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ id: "/big", cmd: "sleep 1", mem: 65536, cpus: 0.1 }) });
    expect(res.status).toBe(201);
    for (let i = 0; i < 12; i++) {
      standin.clock.advance(250);
      await new Promise((r) => setImmediate(r));
    }
    await resourcesPanel("c1");
    clock.advance(6000);
    const q = await body(await queuePanel("c1"));
    expect(q.status).toBe(200);
    expect(q.json.queue[0]).toMatchObject({ id: "/big", blockedBy: "InsufficientMemory" });
    expect(q.json.queue[0].explanation[0]).toMatch(/^No agent has 64 GB of free memory; the largest has/);
    const d = await body(await deploymentsPanel("c1"));
    expect(d.json.deployments[0].affectedApps).toEqual(["/big"]);
  });
});
