import type { Publisher } from "../realtime/publish.ts";
import type { Audience } from "./audience.ts";
import type { Clock } from "./clock.ts";
import { ClusterPoller, type ClusterPollerOptions } from "./clusterPoller.ts";
import { CLUSTER_UPDATE_EVENT, clusterRoom } from "./clusterRoom.ts";
import { MarathonEventFeed, type MarathonEventEndpoint, type MarathonEventFeedOptions } from "./marathonEventFeed.ts";
import type { ClusterUpdate, PollSource, PollSources, SourceSnapshot } from "./pollSource.ts";

/** Sees every poll of every cluster (success or failure), e.g. to record the resource history. */
export type RegistryUpdateListener = (clusterId: string, snapshot: SourceSnapshot<unknown>, spec: PollSource<unknown>) => void;

export class UnknownClusterError extends Error {
  constructor(readonly clusterId: string) {
    super(`No cluster ${clusterId}`);
  }
}

export interface PollerRegistryOptions {
  /** The sources of a cluster (its clients on its registered endpoints), or null when it does not exist. */
  sourcesFor(clusterId: string): Promise<PollSources<Record<string, unknown>> | null>;
  /** The cluster's Marathon event stream endpoint, or null (no Marathon): one feed per poller. */
  eventsFor?(clusterId: string): Promise<MarathonEventEndpoint | null>;
  events?: MarathonEventFeedOptions;
  audience: Audience;
  // Polls only publish; closing sockets is the auth services' business.
  publisher: Pick<Publisher, "publish">;
  clock?: Clock;
  poller?: Omit<ClusterPollerOptions<Record<string, unknown>>, "clusterId" | "sources" | "clock">;
  /** Listeners on every poller's updates, beside the publishing. */
  listeners?: RegistryUpdateListener[];
}

/**
 * One poller per cluster in this process, created on first need (an API reply, a watcher joining
 * the cluster's room) and stopped when the cluster is deleted or its endpoints change. Its results
 * go to the room `cluster:<id>` as `cluster:update`.
 */
export class PollerRegistry {
  private readonly pollers = new Map<string, Promise<ClusterPoller>>();
  private readonly feeds = new Map<ClusterPoller, MarathonEventFeed>();
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(private readonly opts: PollerRegistryOptions) {
    this.unsubscribe = opts.audience.subscribe((clusterId) => void this.audienceChanged(clusterId));
  }

  /** The cluster's poller; two callers at once get the same one. Throws UnknownClusterError. */
  pollerFor(clusterId: string): Promise<ClusterPoller> {
    if (this.closed) return Promise.reject(new Error("cluster pollers are stopped"));
    let poller = this.pollers.get(clusterId);
    if (!poller) {
      const created = this.create(clusterId);
      this.pollers.set(clusterId, created);
      // A cluster that did not exist may exist later: do not remember the failure.
      created.catch(() => {
        if (this.pollers.get(clusterId) === created) this.pollers.delete(clusterId);
      });
      poller = created;
    }
    return poller;
  }

  /** Whether a poller runs for the cluster (without creating one). */
  has(clusterId: string): boolean {
    return this.pollers.has(clusterId);
  }

  /** The Marathon event feed beside a running poller (none for a cluster without Marathon). */
  eventFeedOf(poller: ClusterPoller): MarathonEventFeed | undefined {
    return this.feeds.get(poller);
  }

  /** Stops and forgets the cluster's poller: the cluster was deleted, or its endpoints changed. */
  async remove(clusterId: string): Promise<void> {
    const poller = this.pollers.get(clusterId);
    this.pollers.delete(clusterId);
    await poller?.then(
      (p) => {
        this.feeds.get(p)?.stop();
        this.feeds.delete(p);
        return p.stop();
      },
      () => undefined,
    );
  }

  /** New endpoints (nodes, settings or URLs changed): a fresh poller, at once if someone watches. */
  async reload(clusterId: string): Promise<void> {
    await this.remove(clusterId);
    if (!this.closed && this.opts.audience.watchers(clusterId) > 0) await this.pollerFor(clusterId).catch(() => undefined);
  }

  async stopAll(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    const all = [...this.pollers.keys()];
    await Promise.all(all.map((id) => this.remove(id)));
  }

  private async create(clusterId: string): Promise<ClusterPoller> {
    const sources = await this.opts.sourcesFor(clusterId);
    if (!sources) throw new UnknownClusterError(clusterId);
    const events = (await this.opts.eventsFor?.(clusterId)) ?? null;
    const poller = new ClusterPoller({ ...this.opts.poller, clusterId, sources, clock: this.opts.clock });
    poller.onUpdate((snap, spec) => {
      const update: ClusterUpdate = { clusterId, source: snap.source, fetchedAt: snap.fetchedAt };
      if (snap.error !== undefined) Object.assign(update, { error: snap.error, errorAt: snap.errorAt });
      if (spec.publish && snap.data !== undefined) update.data = spec.publish(snap.data);
      this.opts.publisher.publish(clusterRoom(clusterId), CLUSTER_UPDATE_EVENT, update);
      for (const listener of this.opts.listeners ?? []) listener(clusterId, snap, spec);
    });
    poller.setWatchers(this.opts.audience.watchers(clusterId));
    poller.start();
    if (events) this.feeds.set(poller, new MarathonEventFeed(poller, events, this.opts.events));
    return poller;
  }

  private async audienceChanged(clusterId: string): Promise<void> {
    const count = this.opts.audience.watchers(clusterId);
    // Nobody watching a cluster without a poller: nothing to start.
    if (count === 0 && !this.pollers.has(clusterId)) return;
    const poller = await this.pollerFor(clusterId).catch(() => null);
    poller?.setWatchers(this.opts.audience.watchers(clusterId));
  }
}
