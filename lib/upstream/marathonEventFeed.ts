import type { MarathonEvent } from "../marathon/marathonEvents.ts";
import { pollDelay } from "./backoff.ts";
import { realClock, type Clock, type TimerHandle } from "./clock.ts";
import type { ClusterPoller } from "./clusterPoller.ts";
import { REREAD_ON_CONNECT, sourcesChangedBy, SUBSCRIBED_EVENT_TYPES } from "./marathonEventRefreshes.ts";

// One cluster's Marathon /v2/events subscription, beside its poller: at most one stream, open
// only while the poller's audience rule says someone watches or follows, to the leader where
// known. Events never fetch anything themselves; they mark poll sources stale and the poller
// refreshes them early, in their lanes and within their backoff, coalesced. While the stream is
// live the poller may stretch the Marathon sources' timers; when it drops they return at once.

export interface EventStreamHandle {
  /** Resolves when the stream ends: null when closed by us, else why it ended. */
  ended: Promise<Error | null>;
  close(): void;
}

export interface EventStreamHandlers {
  eventTypes: string[];
  onOpen(): void;
  onEvent(e: MarathonEvent): void;
}

/** How a cluster's registered Marathon instances are reached; lib/cluster binds it to one cluster. */
export interface MarathonEventEndpoint {
  /** The instance to subscribe to on this attempt: the leader when it is registered, else the instances in turn. */
  pick(leader: string | null, attempt: number): string;
  open(instance: string, handlers: EventStreamHandlers): EventStreamHandle;
}

export interface FeedLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface MarathonEventFeedOptions {
  clock?: Clock;
  /** Events arriving within this window after the first are one refresh per source. */
  coalesceMs?: number;
  /** Reconnects back off from this, doubling per consecutive failure up to the poller's 60 s cap. */
  reconnectBaseMs?: number;
  /** A stream that lived this long before it ended was healthy: its end starts the backoff afresh. */
  healthyAfterMs?: number;
  log?: FeedLog;
}

interface OpenStream {
  handle: EventStreamHandle;
  instance: string;
  openedAt: number;
  /** Marathon answered 200: events flow. */
  live: boolean;
  unreadable: number;
}

export type FeedState = "off" | "connecting" | "live" | "waiting";

export class MarathonEventFeed {
  private readonly clock: Clock;
  private readonly coalesceMs: number;
  private readonly reconnectBaseMs: number;
  private readonly healthyAfterMs: number;
  private readonly log: FeedLog | undefined;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly changed = new Set<string>();
  private stream: OpenStream | null = null;
  private reconnectTimer: TimerHandle | null = null;
  private flushTimer: TimerHandle | null = null;
  private failures = 0;
  /** Which instance to try next (0 = the leader, or the first registered one). */
  private attempt = 0;
  private leader: string | null = null;
  private stopped = false;
  /** Streams opened over the feed's life (reconnects included). */
  opened = 0;
  /** Events that marked a source stale, over the feed's life. */
  received = 0;

  constructor(
    private readonly poller: ClusterPoller,
    private readonly endpoint: MarathonEventEndpoint,
    opts: MarathonEventFeedOptions = {},
  ) {
    this.clock = opts.clock ?? realClock;
    this.coalesceMs = opts.coalesceMs ?? 250;
    this.reconnectBaseMs = opts.reconnectBaseMs ?? 5_000;
    this.healthyAfterMs = opts.healthyAfterMs ?? 30_000;
    this.log = opts.log;
    this.unsubscribe.push(poller.onWatchedChange((watched) => (watched ? this.connect() : this.disconnect())));
    this.unsubscribe.push(
      poller.onUpdate((snap, spec) => {
        if (spec.upstream === "marathon") this.noteLeader(leaderNamedBy(snap.data));
      }),
    );
    if (poller.watched) this.connect();
  }

  get state(): FeedState {
    if (this.stream) return this.stream.live ? "live" : "connecting";
    return this.reconnectTimer ? "waiting" : "off";
  }

  /** The instance the stream is open to (or being opened to), if any. */
  get instance(): string | null {
    return this.stream?.instance ?? null;
  }

  stop(): void {
    this.stopped = true;
    for (const u of this.unsubscribe) u();
    this.disconnect();
    this.flushTimer?.cancel();
    this.flushTimer = null;
    this.changed.clear();
  }

  private connect(): void {
    if (this.stopped || this.stream || this.reconnectTimer || !this.poller.watched) return;
    const instance = this.endpoint.pick(this.leader, this.attempt);
    // The handlers only ever fire later (after a network round trip), once `handle` is set.
    const stream = { instance, openedAt: this.clock.now(), live: false, unreadable: 0 } as OpenStream;
    this.stream = stream;
    this.opened++;
    stream.handle = this.endpoint.open(instance, {
      eventTypes: SUBSCRIBED_EVENT_TYPES,
      onOpen: () => {
        if (this.stream !== stream) return;
        stream.live = true;
        this.poller.setEventsLive("marathon", true);
        // Nothing says what happened while no stream was open: read it again once.
        this.markChanged(REREAD_ON_CONNECT);
      },
      onEvent: (e) => this.onEvent(stream, e),
    });
    void stream.handle.ended.then((error) => this.ended(stream, error));
  }

  private disconnect(): void {
    this.reconnectTimer?.cancel();
    this.reconnectTimer = null;
    const stream = this.stream;
    this.stream = null;
    this.poller.setEventsLive("marathon", false);
    stream?.handle.close();
  }

  private ended(stream: OpenStream, error: Error | null): void {
    if (this.stream !== stream) return; // closed by us: disconnect() or a leader change
    this.stream = null;
    // Fallback at once: the poller's Marathon sources go back to their normal intervals.
    this.poller.setEventsLive("marathon", false);
    const lived = this.clock.now() - stream.openedAt;
    const healthy = stream.live && lived >= this.healthyAfterMs;
    // After a healthy stream: the leader again, one short wait. After a failed one: the next
    // instance, and a longer wait each time.
    this.failures = healthy ? 1 : this.failures + 1;
    this.attempt = healthy ? 0 : this.attempt + 1;
    const delay = pollDelay(this.reconnectBaseMs, { durationMs: 0, bytes: null, consecutiveFailures: this.failures });
    this.log?.warn(
      { clusterId: this.poller.clusterId, instance: stream.instance, unreadableEvents: stream.unreadable, reconnectInMs: delay },
      `Marathon event stream ended: ${error?.message ?? "closed"}; polling at the normal rates until it is back`,
    );
    if (this.stopped || !this.poller.watched) return;
    this.reconnectTimer = this.clock.setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  private onEvent(stream: OpenStream, e: MarathonEvent): void {
    if (this.stream !== stream) return;
    if (e.eventType === "unreadable") {
      // A garbage event costs one log line per stream, not one per event.
      if (stream.unreadable++ === 0) this.log?.warn({ clusterId: this.poller.clusterId, instance: stream.instance, type: e.type, error: e.error }, "Marathon sent an event Armdeck cannot read; ignored");
      return;
    }
    const sources = sourcesChangedBy(e);
    if (sources.length > 0) this.received++;
    this.markChanged(sources);
  }

  private markChanged(sources: readonly string[]): void {
    for (const s of sources) if (this.poller.hasSource(s)) this.changed.add(s);
    if (this.changed.size === 0 || this.flushTimer) return;
    this.flushTimer = this.clock.setTimeout(() => {
      this.flushTimer = null;
      const sources = [...this.changed];
      this.changed.clear();
      for (const s of sources) this.poller.refreshSoon(s);
    }, this.coalesceMs);
  }

  /** A poll named a (new) leader: move the stream there, since a standby's proxy may cut it. */
  private noteLeader(leader: string | null): void {
    if (!leader || leader === this.leader) return;
    this.leader = leader;
    const stream = this.stream;
    if (!stream || this.endpoint.pick(leader, 0) === stream.instance) return;
    this.log?.info({ clusterId: this.poller.clusterId, from: stream.instance, to: leader }, "Marathon leader changed; moving the event stream to it");
    this.stream = null;
    this.poller.setEventsLive("marathon", false);
    stream.handle.close();
    this.failures = 0;
    this.attempt = 0;
    this.connect();
  }
}

/** The leader a Marathon reply named (MarathonReply.leader, from X-Marathon-Leader), when the cache holds whole replies. */
function leaderNamedBy(data: unknown): string | null {
  const leader = (data as { leader?: unknown } | null | undefined)?.leader;
  return typeof leader === "string" ? leader : null;
}
