import { logger } from "../logger.ts";
import type { RegistryUpdateListener } from "../upstream/pollerRegistry.ts";
import type { SourceSnapshot } from "../upstream/pollSource.ts";
import { unwrapReply } from "../panels/replyData.ts";
import { samplesFromState } from "./resourceBuckets.ts";
import { recordResourceSamples } from "./resourceHistoryStore.ts";

type Write = typeof recordResourceSamples;

/**
 * Feeds the history from the mesos.state replies the poller already has: a listener on the
 * registry's updates, so the history never costs the master a request of its own. Writes of one
 * cluster run one after another; while one runs only the newest reply waits (a slow disk drops
 * polls, it does not queue them).
 */
export function resourceHistoryRecorder(write: Write = recordResourceSamples): RegistryUpdateListener & { idle(): Promise<void> } {
  const lastWritten = new Map<string, number>();
  const running = new Map<string, Promise<void>>();
  const waiting = new Map<string, { data: unknown; at: number }>();

  const drain = async (clusterId: string) => {
    for (let next = waiting.get(clusterId); next; next = waiting.get(clusterId)) {
      waiting.delete(clusterId);
      await write(Number(clusterId), samplesFromState(unwrapReply(next.data).data), next.at).catch((error) =>
        logger.warn({ err: error, clusterId }, "could not record the resource history"),
      );
    }
    running.delete(clusterId);
  };

  const listener = (clusterId: string, snap: SourceSnapshot<unknown>) => {
    // A failed poll carries the last good data again: record only fresh replies, each once.
    if (snap.source !== "mesos.state" || snap.error !== undefined || snap.data === undefined || snap.fetchedAt === null) return;
    if (!/^[1-9][0-9]{0,15}$/.test(clusterId) || lastWritten.get(clusterId) === snap.fetchedAt) return;
    lastWritten.set(clusterId, snap.fetchedAt);
    waiting.set(clusterId, { data: snap.data, at: snap.fetchedAt });
    if (!running.has(clusterId)) running.set(clusterId, drain(clusterId));
  };
  return Object.assign(listener, { idle: async () => void (await Promise.all(running.values())) });
}
