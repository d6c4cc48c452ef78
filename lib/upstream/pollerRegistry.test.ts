import http from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startCountingProxy, type CountingProxy } from "../../e2e/harness/countingProxy.ts";
import { ManualClock } from "../../standin/clock.ts";
import type { Standin } from "../../standin/server.ts";
import { startRunbookCluster } from "../../standin/testing/runbookCluster.ts";
import type { ClusterPoller } from "./clusterPoller.ts";
import { clusterRoom, CLUSTER_UPDATE_EVENT } from "./clusterRoom.ts";
import { PollerRegistry, UnknownClusterError } from "./pollerRegistry.ts";
import type { ClusterUpdate, PollSources } from "./pollSource.ts";
import { socketRoomAudience } from "./socketRoomAudience.ts";
import { source } from "./testing/standinFetchers.ts";

// A real socket.io server and real clients on loopback: the audience is the room's membership as
// socket.io keeps it, and what reaches the master is counted by a proxy in front of the stand-in.

type MesosState = { slaves: unknown[] };

let standin: Standin | undefined;
let proxy: CountingProxy | undefined;
let io: Server | undefined;
let httpServer: http.Server | undefined;
let registry: PollerRegistry | undefined;
const clients: Socket[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await registry?.stopAll();
  io?.close();
  await new Promise((r) => (httpServer?.listening ? httpServer.close(r) : r(undefined)));
  await proxy?.close();
  await standin?.stop();
  registry = io = httpServer = proxy = standin = undefined;
});

async function setup() {
  standin = await startRunbookCluster();
  proxy = await startCountingProxy(standin.mesosUrls[0]!);
  httpServer = http.createServer();
  io = new Server(httpServer);
  // What the integrator adds to lib/realtime/socketHandlers.ts (after checking the cluster exists).
  io.on("connection", (socket) => socket.on("subscribe", (room: string) => void socket.join(room)));
  await new Promise<void>((r) => httpServer!.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const clock = new ManualClock();
  const mesosUrl = proxy.url;
  const server = io;
  registry = new PollerRegistry({
    clock,
    audience: socketRoomAudience(server),
    publisher: { publish: (room, event, payload) => void server.to(room).emit(event, payload) },
    poller: { keepAliveMs: null },
    sourcesFor: async (id) =>
      id === "c1"
        ? {
            "mesos.state": source<MesosState>("mesos", mesosUrl, "/master/state", { publish: (s) => ({ agents: s.slaves.length }) }),
            "mesos.frameworks": source("mesos", mesosUrl, "/master/frameworks"),
          }
        : null,
  });
  return { url, clock, proxy, registry };
}

/** Like setup(), but the cluster's sources are what `endpoints` holds when the poller is made. */
async function setupWithEndpoints(endpoints: { mesos: string | null }) {
  const base = await setup();
  await registry!.stopAll();
  const server = io!;
  registry = new PollerRegistry({
    clock: base.clock,
    audience: socketRoomAudience(server),
    publisher: { publish: (room, event, payload) => void server.to(room).emit(event, payload) },
    poller: { keepAliveMs: null },
    sourcesFor: async (id): Promise<PollSources<Record<string, unknown>> | null> => {
      if (id !== "c1") return null;
      return endpoints.mesos ? { "mesos.state": source<MesosState>("mesos", endpoints.mesos, "/master/state") } : {};
    },
  });
  return { ...base, registry };
}

async function watcher(url: string, updates: ClusterUpdate[] = []): Promise<Socket> {
  const c = connect(url, { transports: ["websocket"], forceNew: true });
  clients.push(c);
  c.on(CLUSTER_UPDATE_EVENT, (u: ClusterUpdate) => updates.push(u));
  await new Promise<void>((r) => c.on("connect", () => r()));
  c.emit("subscribe", clusterRoom("c1"));
  return c;
}

async function advance(clock: ManualClock, p: ClusterPoller, ms: number) {
  for (let t = 0; t < ms; t += 1000) {
    clock.advance(1000);
    await p.whenIdle();
  }
}

describe("PollerRegistry with socket.io rooms as the audience", () => {
  it("starts polling when the first browser joins cluster:<id>, fans out to every tab with one request each, and stops when they leave", async () => {
    const { url, clock, proxy, registry } = await setup();
    expect(registry.has("c1")).toBe(false);
    expect(proxy.count()).toBe(0);

    const a: ClusterUpdate[] = [];
    const b: ClusterUpdate[] = [];
    await watcher(url, a);
    await vi.waitFor(() => expect(a.map((u) => u.source).sort()).toEqual(["mesos.frameworks", "mesos.state"]));
    const p = await registry.pollerFor("c1");
    expect(p.watcherCount).toBe(1);
    const state = a.find((u) => u.source === "mesos.state")!;
    expect(state).toMatchObject({ clusterId: "c1", data: { agents: 2 } });
    expect(typeof state.fetchedAt).toBe("number");
    // Without a publish projection the update is a notice: the page reads the data from the API.
    expect(a.find((u) => u.source === "mesos.frameworks")).not.toHaveProperty("data");

    const tabs = [await watcher(url, b), await watcher(url), await watcher(url)];
    await vi.waitFor(() => expect(p.watcherCount).toBe(4));
    proxy.reset();
    await advance(clock, p, 5_000);
    // Four tabs, one request per source.
    expect(proxy.count("/master/state")).toBe(1);
    expect(proxy.count("/master/frameworks")).toBe(1);
    await vi.waitFor(() => expect(b.filter((u) => u.source === "mesos.state")).toHaveLength(1));

    for (const c of [...clients]) c.disconnect();
    await vi.waitFor(() => expect(p.watcherCount).toBe(0));
    proxy.reset();
    await advance(clock, p, 120_000);
    expect(proxy.count()).toBe(0);
    void tabs;
  });

  it("one poller per cluster however many ask at once; unknown clusters refused; a removed cluster's poller stops", async () => {
    const { clock, proxy, registry } = await setup();
    const many = await Promise.all(Array.from({ length: 20 }, () => registry.pollerFor("c1")));
    expect(new Set(many).size).toBe(1);
    await expect(registry.pollerFor("nope")).rejects.toBeInstanceOf(UnknownClusterError);

    const p = many[0]!;
    p.setWatchers(1);
    await p.whenIdle();
    await registry.remove("c1");
    expect(registry.has("c1")).toBe(false);
    proxy.reset();
    clock.advance(60_000);
    await p.whenIdle();
    expect(proxy.count()).toBe(0);
    // The next need starts a fresh poller (e.g. with the cluster's new endpoints).
    expect(await registry.pollerFor("c1")).not.toBe(p);
  });

  it("reload() gives a watched cluster a poller on its new endpoints at once (a master node added), and none while nobody watches", async () => {
    const endpoints: { mesos: string | null } = { mesos: null };
    const { url, proxy, registry } = await setupWithEndpoints(endpoints);
    const updates: ClusterUpdate[] = [];
    await watcher(url, updates);
    await vi.waitFor(async () => expect((await registry.pollerFor("c1")).watcherCount).toBe(1));
    expect(proxy.count()).toBe(0); // no Mesos master known yet: nothing to poll

    endpoints.mesos = proxy.url;
    await registry.reload("c1");
    await vi.waitFor(() => expect(updates.some((u) => u.source === "mesos.state" && !u.error)).toBe(true));
    expect(proxy.count("/master/state")).toBeGreaterThanOrEqual(1);

    for (const c of clients.splice(0)) c.disconnect();
    await vi.waitFor(async () => expect((await registry.pollerFor("c1")).watcherCount).toBe(0));
    await registry.reload("c1");
    expect(registry.has("c1")).toBe(false);
  });
});
