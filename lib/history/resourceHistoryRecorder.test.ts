import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { startCountingProxy, type CountingProxy } from "../../e2e/harness/countingProxy.ts";
import { useFreshTestDatabase } from "../../e2e/harness/testDatabase.ts";
import { ManualClock } from "../../standin/clock.ts";
import type { Standin } from "../../standin/server.ts";
import { startRunbookCluster } from "../../standin/testing/runbookCluster.ts";
import { CountedAudience } from "../upstream/audience.ts";
import type { ClusterPoller } from "../upstream/clusterPoller.ts";
import { source } from "../upstream/testing/standinFetchers.ts";

// The stand-in's real /master/state replies behind a counting proxy, the real registry and a real
// SQLite: the history is written from the polls the poller makes anyway, and adds no request.

useFreshTestDatabase();
const { db } = await import("../db/client.ts");
const { PollerRegistry } = await import("../upstream/pollerRegistry.ts");
const { resourceHistoryRecorder } = await import("./resourceHistoryRecorder.ts");

const T = Date.UTC(2026, 11, 1, 12, 0, 0);
let clusterId: string;
let standin: Standin | undefined;
let proxy: CountingProxy | undefined;
let registry: InstanceType<typeof PollerRegistry> | undefined;

interface Agent { id: string; resources: { cpus: number; mem: number }; used_resources: { cpus: number; mem: number } }

beforeAll(async () => {
  clusterId = String((await db.cluster.create({ data: { name: "recorded", kind: "adopted", mesosMasters: [], marathon: [], createdBy: "test" } })).id);
});

afterEach(async () => {
  await registry?.stopAll();
  await proxy?.close();
  await standin?.stop();
  registry = proxy = standin = undefined;
});

async function advance(clock: ManualClock, p: ClusterPoller, ms: number) {
  for (let t = 0; t < ms; t += 1000) {
    clock.advance(1000);
    await p.whenIdle();
  }
}

/** The runbook's stand-in behind a counting proxy, one watcher, the recorder listening; polled once. */
async function watchedCluster(startMs: number) {
  standin = await startRunbookCluster();
  proxy = await startCountingProxy(standin.mesosUrls[0]!);
  const clock = new ManualClock(startMs);
  const audience = new CountedAudience();
  const recorder = resourceHistoryRecorder();
  const mesosUrl = proxy.url;
  registry = new PollerRegistry({
    clock,
    audience,
    publisher: { publish: () => undefined },
    poller: { keepAliveMs: null },
    listeners: [recorder],
    sourcesFor: async (id) => (id === clusterId ? { "mesos.state": source("mesos", mesosUrl, "/master/state") } : null),
  });
  audience.set(clusterId, 1);
  const p = await registry.pollerFor(clusterId);
  await p.whenIdle();
  return { clock, recorder, p, master: proxy, sim: standin };
}

describe("the resource history recorder", () => {
  it("records every mesos.state poll into its minute's bucket, and the master sees only the poller's requests", async () => {
    const { clock, recorder, p, master, sim } = await watchedCluster(T);
    // 12:00:00 … 12:01:55 every 5 s: 12 polls in the first minute, 12 in the second.
    await advance(clock, p, 115_000);
    await recorder.idle();

    const requests = master.count("/master/state");
    expect(requests).toBe(24);
    expect(master.log.every((l) => l === "GET /master/state")).toBe(true);
    const state = (await (await fetch(`${sim.mesosUrls[0]}/master/state`)).json()) as { slaves: Agent[] };
    const rows = await db.resourceSample.findMany({ where: { clusterId: Number(clusterId) }, orderBy: [{ agentId: "asc" }, { bucketStart: "asc" }] });
    const total = rows.filter((r) => r.agentId === "");
    expect(total.map((r) => [Number(r.bucketStart), r.n])).toEqual([[T, 12], [T + 60_000, 12]]);
    // One poll, one sample: the samples in the buckets are the requests the master saw, no more.
    expect(total.reduce((n, r) => n + r.n, 0)).toBe(requests);
    expect(total[0]).toMatchObject({
      cpusTotal: state.slaves.reduce((n, a) => n + a.resources.cpus, 0),
      memTotalMb: state.slaves.reduce((n, a) => n + a.resources.mem, 0),
      cpusUsed: state.slaves.reduce((n, a) => n + a.used_resources.cpus, 0),
    });
    for (const a of state.slaves) {
      const mine = rows.filter((r) => r.agentId === a.id);
      expect(mine.map((r) => r.n)).toEqual([12, 12]);
      expect(mine[0]).toMatchObject({ cpusTotal: a.resources.cpus, memTotalMb: a.resources.mem });
    }
  });

  it("a failed poll writes nothing (it carries the last good data again)", async () => {
    const { clock, recorder, p, master, sim } = await watchedCluster(T + 3_600_000);
    await sim.stop();
    standin = undefined;
    await advance(clock, p, 30_000);
    await recorder.idle();
    expect(p.status()[0]!.consecutiveFailures).toBeGreaterThan(0);
    const rows = await db.resourceSample.findMany({ where: { clusterId: Number(clusterId), agentId: "", bucketStart: BigInt(T + 3_600_000) } });
    expect(rows.map((r) => r.n)).toEqual([1]);
  });
});
