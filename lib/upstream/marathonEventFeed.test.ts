import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startCountingProxy, type CountingProxy } from "../../e2e/harness/countingProxy.ts";
import { ManualClock } from "../../standin/clock.ts";
import basic from "../../standin/fixtures/basic.json" with { type: "json" };
import type { Standin } from "../../standin/server.ts";
import { startRunbookCluster } from "../../standin/testing/runbookCluster.ts";
import { MarathonClient } from "../marathon/marathonClient.ts";
import { marathonEventEndpoint, type MarathonEventLimits } from "../marathon/marathonEventEndpoint.ts";
import { CountedAudience } from "./audience.ts";
import { ClusterPoller } from "./clusterPoller.ts";
import { clusterSources } from "./clusterSources.ts";
import { MarathonEventFeed, type FeedLog } from "./marathonEventFeed.ts";
import { PollerRegistry } from "./pollerRegistry.ts";
import { getJson } from "./testing/standinFetchers.ts";

// The stand-in serves /v2/events with Marathon's real SSE framing; counting proxies say what
// reached it (event streams counted apart from ordinary requests). The poller runs on a
// ManualClock, so a refresh seen before the clock reaches the poll interval came from an event.

let standin: (Standin & { clock: ManualClock }) | undefined;
const proxies: CountingProxy[] = [];
const closers: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
  for (const p of proxies.splice(0)) await p.close();
  await standin?.stop();
  standin = undefined;
});

async function proxy(url: string): Promise<CountingProxy> {
  const p = await startCountingProxy(url);
  proxies.push(p);
  return p;
}

function recordingLog() {
  const lines: { level: string; msg: string; obj: object }[] = [];
  const log: FeedLog = {
    info: (obj, msg) => void lines.push({ level: "info", msg, obj }),
    warn: (obj, msg) => void lines.push({ level: "warn", msg, obj }),
  };
  return { log, lines };
}

/** A watched poller of the stand-in's Marathon (and Mesos) behind proxies, and its event feed. */
async function setup(opts: { eventsVia?: string; limits?: MarathonEventLimits; reconnectBaseMs?: number; coalesceMs?: number } = {}) {
  standin = await startRunbookCluster();
  const marathon = await proxy(standin.marathonUrls[0]!);
  const mesos = await proxy(standin.mesosUrls[0]!);
  const clock = new ManualClock();
  const poller = new ClusterPoller({
    clusterId: "c1",
    clock,
    keepAliveMs: null,
    sources: clusterSources({
      mesosState: getJson(mesos.url, "/master/state"),
      marathonGroups: getJson(marathon.url, "/v2/groups"),
      marathonDeployments: getJson(marathon.url, "/v2/deployments"),
      marathonQueue: getJson(marathon.url, "/v2/queue"),
    }),
  });
  closers.push(() => poller.stop());
  poller.setWatchers(1);
  poller.start();
  await poller.whenIdle();
  const { log, lines } = recordingLog();
  const feed = new MarathonEventFeed(poller, marathonEventEndpoint([opts.eventsVia ?? marathon.url], opts.limits), {
    coalesceMs: opts.coalesceMs ?? 30,
    reconnectBaseMs: opts.reconnectBaseMs ?? 60_000,
    log,
  });
  closers.push(() => feed.stop());
  return { standin, marathon, mesos, clock, poller, feed, lines };
}

/** Lets the refreshes the events asked for go out: the on-demand gap is 1 s after the last poll. */
async function afterGap(clock: ManualClock, poller: ClusterPoller) {
  clock.advance(1_000);
  await poller.whenIdle();
}

describe("MarathonEventFeed", () => {
  it("a deployment's events refresh the deployments cache before the poll timer would", async () => {
    const { standin, marathon, clock, poller, feed } = await setup({ coalesceMs: 200 });
    await vi.waitFor(() => expect(feed.state).toBe("live"));
    await afterGap(clock, poller); // the re-read after connecting
    marathon.reset();
    const before = poller.peek("marathon.deployments").fetchedAt;

    clock.advance(1_000); // past the on-demand gap, far from the 5 s interval (30 s while live)
    const posted = await new MarathonClient({ instances: standin.marathonUrls }).postGroup(basic);
    // The stand-in starts the deployment on its next clock tick (deployment_info), within the
    // feed's coalescing window of the group_change_success the POST itself caused.
    standin.clock.advance(1);
    await vi.waitFor(() => {
      const ids = (poller.peek("marathon.deployments").data as { id: string }[]).map((d) => d.id);
      expect(ids).toContain(posted.data.deploymentId);
    });
    expect(poller.peek("marathon.deployments").fetchedAt).toBeGreaterThan(before!);
    expect(marathon.count("/v2/deployments")).toBe(1);
    expect(marathon.maxInFlight).toBe(1);
  });

  it("a burst of 500 task events is one refresh per source, never sooner than its schedule, one request at a time per upstream", async () => {
    // A Marathon that sends 500 status updates in one go, then nothing.
    const burst = Array.from({ length: 500 }, (_, i) =>
      `event: status_update_event\r\ndata: ${JSON.stringify({ eventType: "status_update_event", timestamp: "t", slaveId: "s", taskId: `app.${i}`, taskStatus: "TASK_RUNNING", appId: "/app", host: "h" })}\r\n\r\n`,
    ).join("");
    const hostile = await sseServer((res) => res.write(burst));
    const { marathon, mesos, clock, poller, feed } = await setup({ eventsVia: hostile.url });
    await vi.waitFor(() => expect(feed.received).toBe(500));
    // The connect's re-read and the first burst: groups, queue and the state at their normal 5 s.
    for (let i = 0; i < 5; i++) await afterGap(clock, poller);
    marathon.reset();
    mesos.reset();

    hostile.send(burst);
    await vi.waitFor(() => expect(feed.received).toBe(1000));
    await new Promise((r) => setTimeout(r, 100)); // past the feed's coalescing window
    // Task events never refresh sooner than the normal schedule: nothing for 4 s...
    for (let i = 0; i < 4; i++) await afterGap(clock, poller);
    expect(marathon.count() + mesos.count()).toBe(0);
    // ...then one request per source (groups' own timer is 30 s while the stream is live).
    await afterGap(clock, poller);
    expect(mesos.log).toEqual(["GET /master/state"]);
    expect(marathon.log.sort()).toEqual(["GET /v2/groups", "GET /v2/queue"]);
    expect(Math.max(marathon.maxInFlight, mesos.maxInFlight)).toBe(1);
  });

  it("20 watchers share 1 stream; nobody watching closes it; a follow lease opens it again", async () => {
    standin = await startRunbookCluster();
    const marathon = await proxy(standin.marathonUrls[0]!);
    const audience = new CountedAudience();
    const registry = new PollerRegistry({
      sourcesFor: async () => clusterSources({ marathonDeployments: getJson(marathon.url, "/v2/deployments") }),
      eventsFor: async () => marathonEventEndpoint([marathon.url]),
      audience,
      publisher: { publish: () => undefined },
      clock: new ManualClock(),
      poller: { keepAliveMs: null },
    });
    closers.push(() => registry.stopAll());
    expect(marathon.openStreams).toBe(0);
    for (let n = 1; n <= 20; n++) audience.set("c1", n);
    const poller = await registry.pollerFor("c1");
    await vi.waitFor(() => expect(registry.eventFeedOf(poller)?.state).toBe("live"));
    expect(marathon.openStreams).toBe(1);
    expect(marathon.maxStreams).toBe(1);
    expect(marathon.count("/v2/events")).toBe(1);

    audience.set("c1", 0);
    await vi.waitFor(() => expect(marathon.openStreams).toBe(0));
    expect(registry.eventFeedOf(poller)?.state).toBe("off");

    const lease = poller.follow("deployment-1");
    await vi.waitFor(() => expect(marathon.openStreams).toBe(1));
    lease.release();
    await vi.waitFor(() => expect(marathon.openStreams).toBe(0));
    expect(marathon.maxStreams).toBe(1);
  });

  it("follows a new leader: the stream moves to the instance a poll names as leader", async () => {
    standin = await startRunbookCluster();
    const urls = standin.marathonUrls;
    const client = new MarathonClient({ instances: urls });
    const clock = new ManualClock();
    const poller = new ClusterPoller({ clusterId: "c1", clock, keepAliveMs: null, sources: clusterSources({ marathonGroups: () => client.groups() }) });
    closers.push(() => poller.stop());
    poller.setWatchers(1);
    poller.start();
    await poller.whenIdle();
    const feed = new MarathonEventFeed(poller, marathonEventEndpoint(urls), { coalesceMs: 30 });
    closers.push(() => feed.stop());
    await vi.waitFor(() => expect(feed.state).toBe("live"));
    expect(feed.instance).toBe(urls[0]);

    standin.control.setMarathonLeader(1);
    await afterGap(clock, poller); // the re-read after connecting asks groups again
    clock.advance(30_000);
    await poller.whenIdle();
    await vi.waitFor(() => expect(feed.instance).toBe(urls[1]));
    await vi.waitFor(() => expect(feed.state).toBe("live"));
    expect(feed.opened).toBe(2);
  });

  it("when the stream drops, the Marathon sources poll at their normal rates at once", async () => {
    standin = await startRunbookCluster();
    const events = await proxy(standin.marathonUrls[0]!);
    const { marathon, clock, poller, feed, lines } = await setupWith(standin, events.url);
    await vi.waitFor(() => expect(feed.state).toBe("live"));
    for (let i = 0; i < 5; i++) await afterGap(clock, poller); // the re-read after connecting, on groups' 5 s schedule
    marathon.reset();
    // Live: groups wait for events or their 30 s safety timer; 10 s of quiet cost nothing.
    for (let i = 0; i < 10; i++) await afterGap(clock, poller);
    expect(marathon.count("/v2/groups")).toBe(0);

    events.dropStreams();
    await vi.waitFor(() => expect(feed.state).toBe("waiting"));
    await poller.whenIdle();
    // Overdue under the normal 5 s interval: polled at once, then every 5 s.
    expect(marathon.count("/v2/groups")).toBe(1);
    for (let i = 0; i < 5; i++) await afterGap(clock, poller);
    expect(marathon.count("/v2/groups")).toBe(2);
    expect(lines.some((l) => l.level === "warn" && /event stream ended/.test(l.msg))).toBe(true);
  });

  it("a hostile stream (a huge line, a never-ending event, garbage) is bounded and logged, and the feed carries on", async () => {
    // One misbehaviour per connection, in turn: the feed must reconnect after each.
    const modes = ["huge", "endless", "garbage"] as const;
    let connections = 0;
    const hostile = await sseServer((res) => {
      const mode = modes[Math.min(connections++, 2)];
      if (mode === "huge") res.write(`data: ${"x".repeat(300_000)}`);
      if (mode === "endless") {
        res.write("event: status_update_event\r\n");
        const t = setInterval(() => res.write(`data: ${"y".repeat(1000)}\r\n`), 1);
        res.on("close", () => clearInterval(t));
      }
      if (mode === "garbage") res.write("\u0000\u00ff not a field\r\nevent: deployment_info\r\ndata: {not json\r\n\r\n".repeat(50));
    });
    const { feed, lines, poller } = await setup({ eventsVia: hostile.url, limits: { maxEventBytes: 64 * 1024 }, reconnectBaseMs: 20 });
    await vi.waitFor(() => expect(lines.filter((l) => /ended/.test(l.msg))).toHaveLength(1));
    expect(lines[0]!.msg).toMatch(/larger than the cap/);
    await vi.waitFor(() => expect(lines.filter((l) => /ended/.test(l.msg))).toHaveLength(2), { timeout: 5_000 });
    expect(lines.filter((l) => /ended/.test(l.msg))[1]!.msg).toMatch(/larger than the cap/);
    await vi.waitFor(() => expect(lines.some((l) => /cannot read/.test(l.msg))).toBe(true), { timeout: 5_000 });
    await new Promise((r) => setTimeout(r, 100));
    // 50 unreadable events: one log line, the stream stays up, and the poller never noticed.
    expect(lines.filter((l) => /cannot read/.test(l.msg))).toHaveLength(1);
    expect(feed.state).toBe("live");
    expect(poller.peek("marathon.groups").error).toBeUndefined();
  });
});

/** The poller of setup(), with the events through their own proxy (so they can be cut alone). */
async function setupWith(s: Standin, eventsUrl: string) {
  const marathon = await proxy(s.marathonUrls[0]!);
  const clock = new ManualClock();
  const poller = new ClusterPoller({ clusterId: "c1", clock, keepAliveMs: null, sources: clusterSources({ marathonGroups: getJson(marathon.url, "/v2/groups") }) });
  closers.push(() => poller.stop());
  poller.setWatchers(1);
  poller.start();
  await poller.whenIdle();
  const { log, lines } = recordingLog();
  const feed = new MarathonEventFeed(poller, marathonEventEndpoint([eventsUrl]), { coalesceMs: 30, reconnectBaseMs: 60_000, log });
  closers.push(() => feed.stop());
  return { marathon, clock, poller, feed, lines };
}

/** A loopback server speaking /v2/events' framing, whose body a test writes. */
async function sseServer(onStream: (res: http.ServerResponse) => void) {
  const open = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/event-stream;charset=UTF-8", Connection: "close" });
    open.add(res);
    res.on("close", () => open.delete(res));
    onStream(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  closers.push(async () => {
    for (const res of open) res.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, send: (text: string) => void [...open].forEach((res) => res.write(text)) };
}
