import { logger } from "../lib/logger.ts";
import { publish, type Publisher } from "../lib/realtime/publish.ts";
import type { Audience } from "../lib/upstream/audience.ts";
import { PollerRegistry, type PollerRegistryOptions } from "../lib/upstream/pollerRegistry.ts";
import { registerPollerRegistry } from "../lib/upstream/pollers.ts";

export interface ClusterPollersOptions {
  sourcesFor: PollerRegistryOptions["sourcesFor"];
  /** Each cluster's Marathon /v2/events endpoint: one stream per watched cluster, beside its poller. */
  eventsFor?: PollerRegistryOptions["eventsFor"];
  audience: Audience;
  /** Clusters to poll from the start (their keep-alive keeps the cache warm and feeds the history). */
  clusterIds?: () => Promise<string[]>;
  publisher?: Pick<Publisher, "publish">;
  poller?: PollerRegistryOptions["poller"];
  /** Listeners on every poll (server.ts records the resource history with one). */
  listeners?: PollerRegistryOptions["listeners"];
}

/**
 * Starts the process's cluster pollers: one registry, made reachable to route handlers through
 * lib/upstream/pollers.ts. Returns a stop function for server.ts's shutdown.
 */
export async function startClusterPollers(opts: ClusterPollersOptions): Promise<() => Promise<void>> {
  const registry = new PollerRegistry({
    sourcesFor: opts.sourcesFor,
    eventsFor: opts.eventsFor,
    events: { log: logger },
    audience: opts.audience,
    publisher: opts.publisher ?? { publish },
    poller: opts.poller,
    listeners: opts.listeners,
  });
  registerPollerRegistry(registry);
  const ids = (await opts.clusterIds?.().catch((error) => {
    logger.warn({ err: error }, "could not list clusters to poll; they start when first watched");
    return [];
  })) ?? [];
  for (const id of ids) await registry.pollerFor(id).catch((error) => logger.warn({ err: error, clusterId: id }, "cluster poller did not start"));
  return async () => {
    registerPollerRegistry(undefined);
    await registry.stopAll();
  };
}
