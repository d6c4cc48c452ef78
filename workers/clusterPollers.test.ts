import { afterEach, describe, expect, it } from "vitest";
import { startCountingProxy, type CountingProxy } from "../e2e/harness/countingProxy.ts";
import type { Standin } from "../standin/server.ts";
import { startRunbookCluster } from "../standin/testing/runbookCluster.ts";
import { clusterSources } from "../lib/upstream/clusterSources.ts";
import { pollerFor, PollersNotRunningError } from "../lib/upstream/pollers.ts";
import { getJson } from "../lib/upstream/testing/standinFetchers.ts";
import { startClusterPollers } from "./clusterPollers.ts";

let standin: Standin | undefined;
let proxy: CountingProxy | undefined;
let stop: (() => Promise<void>) | undefined;

afterEach(async () => {
  await stop?.();
  await proxy?.close();
  await standin?.stop();
  stop = proxy = standin = undefined;
});

describe("workers/clusterPollers", () => {
  it("polls the listed clusters from the start and serves pollerFor() while running, not after stop", async () => {
    standin = await startRunbookCluster();
    proxy = await startCountingProxy(standin.mesosUrls[0]!);
    const mesosUrl = proxy.url;
    stop = await startClusterPollers({
      audience: { watchers: () => 0, subscribe: () => () => undefined },
      publisher: { publish: () => undefined },
      poller: { keepAliveMs: 60_000 },
      clusterIds: async () => ["c2"],
      sourcesFor: async (id) => (id === "c2" ? clusterSources({ mesosState: getJson(mesosUrl, "/master/state") }) : null),
    });
    const p = await pollerFor("c2");
    await p.whenIdle();
    // Started at boot for the keep-alive: the cache is warm before anyone asks.
    expect(proxy.count("/master/state")).toBe(1);
    expect(p.peek("mesos.state").fetchedAt).not.toBeNull();
    const stopping = stop;
    stop = undefined;
    await stopping();
    await expect(pollerFor("c2")).rejects.toBeInstanceOf(PollersNotRunningError);
  });
});
