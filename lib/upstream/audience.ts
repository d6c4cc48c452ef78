// "Who is watching a cluster", as the poller needs it: a count per cluster and a nudge when it may
// have changed. Today the count is the socket.io room's membership in this process
// (socketRoomAudience.ts); with several Armdeck instances behind the Redis adapter it becomes the
// room's size across instances, and only the instance elected to poll the cluster listens. The
// poller and the registry do not change.

export interface Audience {
  watchers(clusterId: string): number;
  /** Calls back with a cluster id whenever its count may have changed; returns an unsubscribe. */
  subscribe(listener: (clusterId: string) => void): () => void;
}

/** An audience set by hand: tests, and callers with no socket.io server (scripts, the bench). */
export class CountedAudience implements Audience {
  private readonly counts = new Map<string, number>();
  private readonly listeners = new Set<(clusterId: string) => void>();

  watchers(clusterId: string): number {
    return this.counts.get(clusterId) ?? 0;
  }

  set(clusterId: string, count: number): void {
    this.counts.set(clusterId, count);
    for (const l of this.listeners) l(clusterId);
  }

  subscribe(listener: (clusterId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
