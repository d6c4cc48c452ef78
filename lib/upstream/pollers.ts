import { PollerRegistry, UnknownClusterError } from "./pollerRegistry.ts";
import type { ClusterPoller } from "./clusterPoller.ts";

// The process-wide registry, set by workers/clusterPollers.ts at start. Kept on globalThis because
// server.ts (which starts the worker) and Next's route-handler bundle are separate module graphs
// in one process, as with the publisher (lib/realtime/publish.ts).

const slot = globalThis as unknown as { armdeckPollers?: PollerRegistry };

export class PollersNotRunningError extends Error {
  constructor() {
    super("The cluster pollers are not running (server.ts starts them)");
  }
}

export function registerPollerRegistry(registry: PollerRegistry | undefined): void {
  slot.armdeckPollers = registry;
}

/** The one poller of a cluster in this process, created on demand. */
export function pollerFor(clusterId: string): Promise<ClusterPoller> {
  if (!slot.armdeckPollers) return Promise.reject(new PollersNotRunningError());
  return slot.armdeckPollers.pollerFor(clusterId);
}

/** Call when a cluster is deleted; the next pollerFor() starts afresh. */
export async function stopPollerFor(clusterId: string): Promise<void> {
  await slot.armdeckPollers?.remove(clusterId);
}

/** Call when a cluster's endpoints may have changed (its URLs, its master nodes, its ports). */
export async function reloadPollerFor(clusterId: string): Promise<void> {
  await slot.armdeckPollers?.reload(clusterId);
}

export { UnknownClusterError };
