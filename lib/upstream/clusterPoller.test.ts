import { afterEach, describe, expect, it } from "vitest";
import { startCountingProxy, type CountingProxy } from "../../e2e/harness/countingProxy.ts";
import { ManualClock } from "../../standin/clock.ts";
import { startRunbookCluster } from "../../standin/testing/runbookCluster.ts";
import type { Standin } from "../../standin/server.ts";
import { ClusterPoller } from "./clusterPoller.ts";
import { source } from "./testing/standinFetchers.ts";

// Real stand-in servers on loopback behind counting proxies: every count below is what the
// upstream received. The poller runs on a ManualClock, so "every 5 s" is checked by advancing
// its clock, never by sleeping; only the stand-in's slowness is real.

type MesosState = { slaves: { id: string }[] };
type Deployment = { id: string };

let standin: (Standin & { clock: ManualClock }) | undefined;
let mesos: CountingProxy | undefined;
let marathon: CountingProxy | undefined;
/** What afterEach and the helpers need of a poller, whatever its sources. */
type AnyPoller = Pick<ClusterPoller, "stop" | "whenIdle">;
let poller: AnyPoller | undefined;

afterEach(async () => {
  await poller?.stop();
  await mesos?.close();
  await marathon?.close();
  await standin?.stop();
  poller = mesos = marathon = standin = undefined;
});

async function setup() {
  standin = await startRunbookCluster();
  mesos = await startCountingProxy(standin.mesosUrls[0]!);
  marathon = await startCountingProxy(standin.marathonUrls[0]!);
  return { standin, mesos, marathon, clock: new ManualClock() };
}

/** Advances the poller's clock in 1 s steps, letting each due request finish; returns the clock times at which `proxy` saw a request. */
async function requestTimes(clock: ManualClock, p: AnyPoller, proxy: CountingProxy, totalMs: number): Promise<number[]> {
  const times: number[] = [];
  let seen = proxy.count();
  const start = clock.now();
  for (let t = 0; t < totalMs; t += 1000) {
    clock.advance(1000);
    await p.whenIdle();
    for (; seen < proxy.count(); seen++) times.push(clock.now() - start);
  }
  return times;
}

/** The commonest poller here: one cluster polling the master's state, no keep-alive unless given. */
function masterStatePoller(clock: ManualClock, url: string, keepAliveMs: number | null = null) {
  return new ClusterPoller({ clusterId: "c1", clock, keepAliveMs, sources: { "mesos.state": source<MesosState>("mesos", url, "/master/state") } });
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe("ClusterPoller", () => {
  it("50 concurrent get()s cause exactly one request to the master, and all 50 get its reply", async () => {
    const { mesos, clock } = await setup();
    const p = masterStatePoller(clock, mesos.url);
    poller = p.start();
    const replies = await Promise.all(Array.from({ length: 50 }, () => p.get("mesos.state", { maxAgeMs: 0 })));
    expect(mesos.count("/master/state")).toBe(1);
    expect(mesos.count()).toBe(1);
    for (const r of replies) {
      expect(r.data?.slaves).toHaveLength(2);
      expect(r.fetchedAt).toBe(replies[0]!.fetchedAt);
    }
    // Fresh enough: answered from the cache, nothing more reaches the master.
    await Promise.all(Array.from({ length: 50 }, () => p.get("mesos.state", { maxAgeMs: 10_000 })));
    expect(mesos.count()).toBe(1);
  });

  it("staleWhileRefreshing answers a stale cache at once and refreshes it once in the background; without a cache it waits", async () => {
    const { mesos, clock } = await setup();
    const p = masterStatePoller(clock, mesos.url);
    poller = p.start();
    const first = await p.get("mesos.state", { staleWhileRefreshing: true });
    expect(first.data?.slaves).toHaveLength(2); // nothing cached yet: this one waited for the reply
    expect(mesos.count("/master/state")).toBe(1);

    clock.advance(60_000);
    const stale = await Promise.all(Array.from({ length: 10 }, () => p.get("mesos.state", { staleWhileRefreshing: true })));
    for (const r of stale) expect(r.fetchedAt).toBe(first.fetchedAt); // answered from the cache, with its age
    await p.whenIdle();
    expect(mesos.count("/master/state")).toBe(2); // one shared refresh for the ten
    expect(p.peek("mesos.state").fetchedAt).toBeGreaterThan(first.fetchedAt!);
  });

  it("never has two requests in flight to one upstream, with several sources, a slow upstream and eager callers", async () => {
    const { standin, mesos, marathon, clock } = await setup();
    await standin.control.setMesosMaster(0, { delayMs: 150 });
    await standin.control.setMarathon(0, { delayMs: 150 });
    const sources = {
      "mesos.state": source("mesos", mesos.url, "/master/state"),
      "mesos.slaves": source("mesos", mesos.url, "/master/slaves"),
      "mesos.frameworks": source("mesos", mesos.url, "/master/frameworks"),
      "marathon.groups": source("marathon", marathon.url, "/v2/groups"),
      "marathon.deployments": source("marathon", marathon.url, "/v2/deployments"),
      "marathon.queue": source("marathon", marathon.url, "/v2/queue"),
    };
    const p = new ClusterPoller({ clusterId: "c1", clock, keepAliveMs: null, sources });
    poller = p.start();
    p.setWatchers(3);
    const names = Object.keys(sources) as (keyof typeof sources)[];
    await Promise.all([
      ...names.flatMap((n) => Array.from({ length: 10 }, () => p.get(n, { maxAgeMs: 0 }))),
      ...names.map((n) => p.refresh(n)),
    ]);
    await requestTimes(clock, p, mesos, 12_000);
    expect(mesos.count()).toBeGreaterThanOrEqual(6);
    expect(marathon.count()).toBeGreaterThanOrEqual(6);
    expect(mesos.maxInFlight).toBe(1);
    expect(marathon.maxInFlight).toBe(1);
  });

  it("a write run through exclusive() waits its turn: never beside a poll to the same upstream", async () => {
    const { standin, marathon, clock } = await setup();
    await standin.control.setMarathon(0, { delayMs: 150 });
    const sources = {
      "marathon.groups": source("marathon", marathon.url, "/v2/groups"),
      "marathon.deployments": source("marathon", marathon.url, "/v2/deployments"),
    };
    const p = new ClusterPoller({ clusterId: "c1", clock, keepAliveMs: null, sources });
    poller = p.start();
    p.setWatchers(1);
    const write = (signal: AbortSignal) =>
      fetch(`${marathon.url}/v2/apps/probe`, { method: "PUT", signal, headers: { "content-type": "application/json" }, body: JSON.stringify({ cmd: "sleep 1", cpus: 0.01, mem: 8 }) }).then((r) => r.status);
    const [, , statuses] = await Promise.all([
      p.refresh("marathon.groups"),
      p.refresh("marathon.deployments"),
      Promise.all([p.exclusive("marathon", write), p.exclusive("marathon", write)]),
    ]);
    expect(statuses).toEqual([201, 200]);
    expect(marathon.count("/v2/apps/probe")).toBe(2);
    expect(marathon.maxInFlight).toBe(1);
  });

  it("polls nothing with nobody watching and no keep-alive; polls at the interval while watched; stops when the watcher leaves", async () => {
    const { mesos, clock } = await setup();
    const p = masterStatePoller(clock, mesos.url);
    poller = p.start();
    expect(await requestTimes(clock, p, mesos, 120_000)).toEqual([]);

    p.setWatchers(1);
    const watched = await requestTimes(clock, p, mesos, 20_000);
    expect(watched.length).toBeGreaterThanOrEqual(4);
    expect(gaps(watched).every((g) => g === 5_000)).toBe(true);

    p.setWatchers(0);
    expect(await requestTimes(clock, p, mesos, 120_000)).toEqual([]);
  });

  it("with nobody watching only the keep-alive polls, once a minute", async () => {
    const { mesos, clock } = await setup();
    const p = masterStatePoller(clock, mesos.url, 60_000);
    poller = p.start();
    await p.whenIdle();
    expect(mesos.count()).toBe(1); // the keep-alive's first poll warms the cache at start
    const times = await requestTimes(clock, p, mesos, 180_000);
    expect(times).toEqual([60_000, 120_000, 180_000]);
  });

  it("stretches the interval while the upstream is slow and returns to it when replies are fast again", async () => {
    const { standin, mesos, clock } = await setup();
    await standin.control.setMesosMaster(0, { delayMs: 1_500 });
    const p = masterStatePoller(clock, mesos.url);
    poller = p.start();
    p.setWatchers(1);
    await p.whenIdle(); // the first (slow) poll
    const slow = await requestTimes(clock, p, mesos, 30_000);
    // A 1.5 s reply keeps the master away for at least 5 × 1.5 s instead of the 5 s interval.
    expect(slow[0]).toBeGreaterThan(5_000);
    expect(gaps(slow).every((g) => g > 5_000)).toBe(true);

    await standin.control.setMesosMaster(0, { delayMs: 0 });
    await requestTimes(clock, p, mesos, 60_000); // one slow reply may still be counted
    const fast = await requestTimes(clock, p, mesos, 20_000);
    expect(gaps(fast)).toEqual(Array(fast.length - 1).fill(5_000));
  });

  it("backs off exponentially while the master refuses, serves the last good data with its age and the error, and recovers by itself", async () => {
    const { standin, mesos, clock } = await setup();
    const p = masterStatePoller(clock, mesos.url);
    poller = p.start();
    p.setWatchers(1);
    await p.whenIdle();
    const good = p.peek("mesos.state");
    expect(good.data?.slaves).toHaveLength(2);
    expect(good.error).toBeUndefined();

    await standin.control.setMesosMaster(0, { mode: "refuse" });
    const failing = await requestTimes(clock, p, mesos, 300_000);
    // Regular poll 5 s after the good one, then 10, 20, 40, and the 60 s cap.
    expect(failing[0]).toBe(5_000);
    expect(gaps(failing).slice(0, 5)).toEqual([10_000, 20_000, 40_000, 60_000, 60_000]);

    const before = mesos.count();
    const stale = await p.get("mesos.state", { maxAgeMs: 0 });
    expect(mesos.count()).toBe(before); // an eager caller does not break the backoff
    expect(stale.data?.slaves).toHaveLength(2);
    expect(stale.fetchedAt).toBe(good.fetchedAt);
    expect(stale.ageMs).toBe(clock.now() - good.fetchedAt!);
    expect(stale.error).toContain("ECONNREFUSED");
    expect(stale.errorAt).toBeGreaterThan(good.fetchedAt!);

    await standin.control.setMesosMaster(0, { mode: "up" });
    const recovered = await requestTimes(clock, p, mesos, 60_000);
    expect(recovered.length).toBeGreaterThanOrEqual(1);
    const fresh = await p.get("mesos.state");
    expect(fresh.error).toBeUndefined();
    expect(fresh.fetchedAt).toBeGreaterThan(good.fetchedAt!);
    expect(fresh.data?.slaves).toHaveLength(2);
    // And it polls at the normal interval again.
    expect(gaps(await requestTimes(clock, p, mesos, 20_000))).toEqual([5_000, 5_000, 5_000]);
  });

  it("a follow lease polls deployments every 2 s, even with nobody in the room, until its deployment is gone", async () => {
    const { standin, marathon, clock } = await setup();
    const sources = {
      "marathon.deployments": source<Deployment[]>("marathon", marathon.url, "/v2/deployments", {
        followedIntervalMs: 2_000,
        leaseEnded: (list, key) => !list.some((d) => d.id === key),
      }),
      "marathon.groups": source("marathon", marathon.url, "/v2/groups"),
    };
    const p = new ClusterPoller({ clusterId: "c1", clock, keepAliveMs: null, sources });
    poller = p.start();

    // A deployment that cannot finish: no agent has 64 CPUs.
    const created = await fetch(`${standin.marathonUrls[0]}/v2/apps`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: "/too-big", cmd: "sleep 1000", cpus: 64, mem: 32, instances: 1 }),
    });
    expect(created.status).toBe(201);
    const deploymentId = ((await created.json()) as { deployments: Deployment[] }).deployments[0]!.id;
    standin.clock.advance(2_000);
    marathon.reset();

    const lease = p.follow(deploymentId);
    const followed = await requestTimes(clock, p, marathon, 10_000);
    expect(marathon.count("/v2/deployments")).toBeGreaterThanOrEqual(5);
    const deploymentTimes = marathon.log.map((l, i) => [l, followed[i]] as const).filter(([l]) => l.startsWith("GET /v2/deployments")).map(([, t]) => t!);
    expect(gaps(deploymentTimes).every((g) => g === 2_000)).toBe(true);
    expect(marathon.count("/v2/groups")).toBeGreaterThanOrEqual(2); // a lease counts as watching
    expect(p.followedKeys()).toEqual([deploymentId]);

    // The deployment is stopped: the next poll sees it gone and the lease ends by itself.
    expect((await fetch(`${standin.marathonUrls[0]}/v2/deployments/${deploymentId}?force=true`, { method: "DELETE" })).status).toBe(202);
    await requestTimes(clock, p, marathon, 3_000);
    expect(p.followedKeys()).toEqual([]);
    lease.release(); // releasing an ended lease is harmless
    expect(await requestTimes(clock, p, marathon, 60_000)).toEqual([]);
  });

  it("after a lease, a watched cluster polls deployments at the normal interval again", async () => {
    const { marathon, clock } = await setup();
    const p = new ClusterPoller({
      clusterId: "c1",
      clock,
      keepAliveMs: null,
      sources: { "marathon.deployments": source("marathon", marathon.url, "/v2/deployments", { followedIntervalMs: 2_000 }) },
    });
    poller = p.start();
    p.setWatchers(1);
    await p.whenIdle();
    expect(gaps(await requestTimes(clock, p, marathon, 15_000))).toEqual([5_000, 5_000]);
    const lease = p.follow("some-deployment", 60_000);
    expect(gaps(await requestTimes(clock, p, marathon, 10_000)).every((g) => g === 2_000)).toBe(true);
    lease.release();
    await requestTimes(clock, p, marathon, 5_000);
    expect(gaps(await requestTimes(clock, p, marathon, 15_000))).toEqual([5_000, 5_000]);
    // A lease nobody releases runs out by itself.
    p.follow("forgotten", 30_000);
    await requestTimes(clock, p, marathon, 31_000);
    expect(p.followedKeys()).toEqual([]);
  });
});
