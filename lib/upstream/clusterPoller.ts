import { DEFAULT_BACKOFF, onDemandGap, pollDelay, type BackoffPolicy, type LastOutcome } from "./backoff.ts";
import { realClock, type Clock, type TimerHandle } from "./clock.ts";
import { DEFAULT_LEASE_MS, FollowLeases, type Lease } from "./followLeases.ts";
import type { PollSource, PollSources, SourceSnapshot, Upstream } from "./pollSource.ts";
import { UpstreamLane } from "./upstreamLane.ts";
import { wordsOf } from "./wordsOf.ts";

export interface ClusterPollerOptions<S> {
  clusterId: string;
  sources: PollSources<S>;
  clock?: Clock;
  /** Interval of every source with nobody watching, unless the source says otherwise; null = none. */
  keepAliveMs?: number | null;
  /** A request not settled after this long is aborted, so a hung upstream never blocks its lane. */
  requestTimeoutMs?: number;
  backoff?: BackoffPolicy;
}

export const DEFAULT_KEEP_ALIVE_MS = 60_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

interface SourceState<T> {
  name: string;
  spec: PollSource<T>;
  data: T | undefined;
  fetchedAt: number | null;
  error?: string;
  errorAt?: number;
  cause?: unknown;
  /** The refresh queued on or running in the lane; every caller meanwhile awaits this one. */
  pending: Promise<void> | null;
  /** The pending refresh's request has gone out (so a change announced now may be missing from it). */
  running: boolean;
  /** A change was announced while the request was out: one more refresh once it ends. */
  changedMeanwhile: boolean;
  attempted: boolean;
  lastEndAt: number;
  last: LastOutcome;
  timer: TimerHandle | null;
  nextAt: number | null;
}

export interface SourceStatus {
  source: string;
  upstream: Upstream;
  /** The interval in force now (watched, followed or keep-alive), before backoff; null = not polled. */
  intervalMs: number | null;
  nextPollAt: number | null;
  consecutiveFailures: number;
  lastDurationMs: number;
  lastBytes: number | null;
}

type UpdateListener = (snapshot: SourceSnapshot<unknown>, spec: PollSource<unknown>) => void;
type WatchedListener = (watched: boolean) => void;

/**
 * One cluster's poller: named sources, each with its cache, polled only as often as someone needs
 * and the upstream can bear. Requests to one upstream go through one lane, one at a time; a
 * refresh already queued or running is shared by every caller (50 API callers, one request).
 */
export class ClusterPoller<S extends Record<string, unknown> = Record<string, unknown>> {
  readonly clusterId: string;
  private readonly clock: Clock;
  private readonly keepAliveMs: number | null;
  private readonly requestTimeoutMs: number;
  private readonly policy: BackoffPolicy;
  private readonly lanes = new Map<Upstream, UpstreamLane>();
  private readonly states = new Map<keyof S & string, SourceState<unknown>>();
  private readonly leases: FollowLeases;
  private readonly listeners = new Set<UpdateListener>();
  private readonly watchedListeners = new Set<WatchedListener>();
  /** Upstreams whose event stream is live now: their sources may poll at their event intervals. */
  private readonly eventsLive = new Set<Upstream>();
  private readonly stopping = new AbortController();
  private watchers = 0;
  private wasWatched = false;
  private stopped = false;

  constructor(opts: ClusterPollerOptions<S>) {
    this.clusterId = opts.clusterId;
    this.clock = opts.clock ?? realClock;
    this.keepAliveMs = opts.keepAliveMs === undefined ? DEFAULT_KEEP_ALIVE_MS : opts.keepAliveMs;
    this.requestTimeoutMs = opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.policy = opts.backoff ?? DEFAULT_BACKOFF;
    this.leases = new FollowLeases(this.clock, () => this.audienceChanged());
    for (const [name, spec] of Object.entries(opts.sources) as [keyof S & string, PollSource<unknown>][]) {
      if (!this.lanes.has(spec.upstream)) this.lanes.set(spec.upstream, new UpstreamLane(spec.upstream));
      this.states.set(name, {
        name,
        spec,
        data: undefined,
        fetchedAt: null,
        pending: null,
        running: false,
        changedMeanwhile: false,
        attempted: false,
        lastEndAt: 0,
        last: { durationMs: 0, bytes: null, consecutiveFailures: 0 },
        timer: null,
        nextAt: null,
      });
    }
  }

  /**
   * Runs one request that is not a poll (a deploy, a scale, a follow-up read) on the upstream's lane,
   * in turn with the polls, so a write never goes out beside a poll to the same upstream. The task
   * gets the poller's request timeout as an abort signal; it must honour it.
   */
  exclusive<T>(upstream: Upstream, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.stopped) return Promise.reject(new Error(`the poller of cluster ${this.clusterId} has stopped`));
    let lane = this.lanes.get(upstream);
    if (!lane) this.lanes.set(upstream, (lane = new UpstreamLane(upstream)));
    return lane.run(async () => {
      const request = new AbortController();
      const timeout = this.clock.setTimeout(
        () => request.abort(new Error(`no reply within ${Math.round(this.requestTimeoutMs / 1000)} s`)),
        this.requestTimeoutMs,
      );
      try {
        return await task(request.signal);
      } finally {
        timeout.cancel();
      }
    });
  }

  /** Starts the schedule (the keep-alive's first poll goes out now, when there is one). */
  start(): this {
    this.rescheduleAll();
    return this;
  }

  /** How many watch the cluster now (socket.io room members); the poller polls only while > 0 or leased. */
  setWatchers(count: number): void {
    this.watchers = Math.max(0, count);
    this.audienceChanged();
  }

  /** Whether anyone watches or follows now: the audience rule for polling and for event streams. */
  get watched(): boolean {
    return this.isWatched();
  }

  /** Called whenever `watched` flips; returns an unsubscribe. */
  onWatchedChange(listener: WatchedListener): () => void {
    this.watchedListeners.add(listener);
    return () => this.watchedListeners.delete(listener);
  }

  /**
   * The upstream's event stream is live (or no longer): its sources switch to their event
   * intervals, or back to their normal ones at once, a poll that is now overdue going out now.
   */
  setEventsLive(upstream: Upstream, live: boolean): void {
    if (live === this.eventsLive.has(upstream)) return;
    if (live) this.eventsLive.add(upstream);
    else this.eventsLive.delete(upstream);
    for (const s of this.states.values()) if (s.spec.upstream === upstream) this.schedule(s);
  }

  eventsLiveFor(upstream: Upstream): boolean {
    return this.eventsLive.has(upstream);
  }

  get watcherCount(): number {
    return this.watchers;
  }

  /** Follow a deployment (or anything keyed): polling runs, and followed sources run fast, until released. */
  follow(key: string, ttlMs = DEFAULT_LEASE_MS): Lease {
    return this.leases.take(key, ttlMs);
  }

  followedKeys(): string[] {
    return this.leases.keys();
  }

  /**
   * The source's cache when its data is at most `maxAgeMs` old (default: the source's interval);
   * otherwise one refresh, shared with every other caller, then the cache. When the upstream is
   * failing or strained and a request now would break its backoff, the cache is answered as it is,
   * with its age and the error: API callers never add load the poller would not.
   */
  async get<K extends keyof S & string>(source: K, opts: { maxAgeMs?: number; staleWhileRefreshing?: boolean } = {}): Promise<SourceSnapshot<S[K]>> {
    const s = this.state(source);
    const maxAgeMs = opts.maxAgeMs ?? s.spec.intervalMs;
    const now = this.clock.now();
    if (s.fetchedAt !== null && now - s.fetchedAt <= maxAgeMs) return this.snapshot(s) as SourceSnapshot<S[K]>;
    if (opts.staleWhileRefreshing && s.fetchedAt !== null) {
      // A page opened after a quiet spell draws the last data (with its age) at once; the
      // refresh, shared and within the backoff like any get(), reaches it as a cluster:update.
      void this.get(source, { maxAgeMs }).catch(() => undefined);
      return this.snapshot(s) as SourceSnapshot<S[K]>;
    }
    if (s.pending) await s.pending;
    else if (!s.attempted || now >= s.lastEndAt + onDemandGap(s.spec.intervalMs, s.last, this.policy)) await this.refresh(source);
    return this.snapshot(s) as SourceSnapshot<S[K]>;
  }

  hasSource(source: string): boolean {
    return this.states.has(source as keyof S & string);
  }

  /** The cache as it is, without asking anyone. */
  peek<K extends keyof S & string>(source: K): SourceSnapshot<S[K]> {
    return this.snapshot(this.state(source)) as SourceSnapshot<S[K]>;
  }

  /**
   * Refresh now (coalesced with a refresh already queued or running), e.g. when a Marathon event
   * says deployments changed. Callers that want backoff respected use get() instead.
   */
  refresh(source: keyof S & string): Promise<void> {
    const s = this.state(source);
    if (s.pending) return s.pending;
    if (this.stopped) return Promise.resolve();
    this.cancelTimer(s);
    const lane = this.lanes.get(s.spec.upstream)!;
    s.pending = lane
      .run(() => this.fetchOnce(s))
      .finally(() => {
        s.pending = null;
        s.running = false;
        this.schedule(s);
        if (s.changedMeanwhile) {
          s.changedMeanwhile = false;
          this.refreshSoon(source);
        }
      });
    return s.pending;
  }

  /**
   * An event says the source changed: refresh it as early as the source allows (its `eventRefresh`:
   * no sooner than its normal schedule, or than an on-demand refresh), in its lane. However many
   * events come, there is at most one refresh queued and, when the change came while a request was
   * already out, one more after it: never a request per event.
   */
  refreshSoon(source: keyof S & string): void {
    const s = this.state(source);
    if (this.stopped) return;
    if (s.pending) {
      // Queued but not sent yet: it will see the change. Sent: it may not have.
      if (s.running) s.changedMeanwhile = true;
      return;
    }
    const now = this.clock.now();
    // The interval this source would have without the stream: events bring a refresh forward
    // within that budget ("schedule"), or to the on-demand floor for sources that ask for it.
    const normal = this.intervalOf(s, { ignoreEvents: true }) ?? s.spec.intervalMs;
    const gap = s.spec.eventRefresh === "on-demand" ? onDemandGap(normal, s.last, this.policy) : pollDelay(normal, s.last, this.policy);
    const earliest = s.attempted ? s.lastEndAt + gap : now;
    if (earliest <= now) return void this.refresh(source);
    if (s.nextAt !== null && s.nextAt <= earliest) return;
    this.cancelTimer(s);
    s.nextAt = earliest;
    s.timer = this.clock.setTimeout(() => void this.refresh(source), earliest - now);
  }

  onUpdate(listener: UpdateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): SourceStatus[] {
    return [...this.states.values()].map((s) => ({
      source: s.name,
      upstream: s.spec.upstream,
      intervalMs: this.intervalOf(s),
      nextPollAt: s.nextAt,
      consecutiveFailures: s.last.consecutiveFailures,
      lastDurationMs: s.last.durationMs,
      lastBytes: s.last.bytes,
    }));
  }

  /** Resolves once nothing is queued or running in any lane. */
  async whenIdle(): Promise<void> {
    for (;;) {
      const pending = [...this.states.values()].map((s) => s.pending).filter((p): p is Promise<void> => p !== null);
      if (pending.length === 0) return;
      await Promise.all(pending);
    }
  }

  /** Stops polling, aborts the request in flight and ends every lease; the cache stays readable. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort(new Error("poller stopped"));
    this.leases.clear();
    for (const s of this.states.values()) this.cancelTimer(s);
    this.audienceChanged();
    await this.whenIdle();
    this.listeners.clear();
    this.watchedListeners.clear();
  }

  private isWatched(): boolean {
    return !this.stopped && (this.watchers > 0 || this.leases.active);
  }

  private audienceChanged(): void {
    const watched = this.isWatched();
    if (watched === this.wasWatched) return;
    this.wasWatched = watched;
    this.rescheduleAll();
    for (const l of this.watchedListeners) l(watched);
  }

  private intervalOf(s: SourceState<unknown>, opts: { ignoreEvents?: boolean } = {}): number | null {
    const live = !opts.ignoreEvents && this.eventsLive.has(s.spec.upstream);
    if (this.leases.active && s.spec.followedIntervalMs !== undefined) return (live ? s.spec.eventFollowedIntervalMs : undefined) ?? s.spec.followedIntervalMs;
    if (this.isWatched()) return (live ? s.spec.eventIntervalMs : undefined) ?? s.spec.intervalMs;
    return s.spec.keepAliveMs === undefined ? this.keepAliveMs : s.spec.keepAliveMs;
  }

  private rescheduleAll(): void {
    for (const s of this.states.values()) this.schedule(s);
  }

  private schedule(s: SourceState<unknown>): void {
    this.cancelTimer(s);
    if (this.stopped || s.pending) return;
    const interval = this.intervalOf(s);
    if (interval === null) return;
    const now = this.clock.now();
    const due = s.attempted ? s.lastEndAt + pollDelay(interval, s.last, this.policy) : now;
    s.nextAt = Math.max(due, now);
    // Due now: go straight to the lane (a manual clock would otherwise hold even a 0 ms timer).
    if (due <= now) void this.refresh(s.name as keyof S & string);
    else s.timer = this.clock.setTimeout(() => void this.refresh(s.name as keyof S & string), due - now);
  }

  private cancelTimer(s: SourceState<unknown>): void {
    s.timer?.cancel();
    s.timer = null;
    s.nextAt = null;
  }

  private async fetchOnce(s: SourceState<unknown>): Promise<void> {
    if (this.stopped) return;
    s.running = true;
    const request = new AbortController();
    const onStop = () => request.abort(this.stopping.signal.reason);
    this.stopping.signal.addEventListener("abort", onStop, { once: true });
    const timeout = this.clock.setTimeout(
      () => request.abort(new Error(`no reply within ${Math.round(this.requestTimeoutMs / 1000)} s`)),
      this.requestTimeoutMs,
    );
    let bytes: number | null = null;
    const started = performance.now();
    try {
      // The fetcher must honour the signal: the lane stays taken until its promise settles, which is
      // what keeps a second request from going out beside one the upstream has not answered yet.
      const data = await s.spec.fetch(request.signal, { reportBytes: (n) => void (bytes = n) });
      s.data = data;
      s.fetchedAt = this.clock.now();
      s.error = undefined;
      s.errorAt = undefined;
      s.cause = undefined;
      s.last = { durationMs: performance.now() - started, bytes, consecutiveFailures: 0 };
      this.endFinishedLeases(s, data);
    } catch (error) {
      if (this.stopped) return;
      s.error = wordsOf(error);
      s.errorAt = this.clock.now();
      s.cause = error;
      s.last = { durationMs: performance.now() - started, bytes, consecutiveFailures: s.last.consecutiveFailures + 1 };
    } finally {
      timeout.cancel();
      this.stopping.signal.removeEventListener("abort", onStop);
      s.attempted = true;
      s.lastEndAt = this.clock.now();
    }
    const snapshot = this.snapshot(s);
    for (const listener of this.listeners) listener(snapshot, s.spec);
  }

  private endFinishedLeases(s: SourceState<unknown>, data: unknown): void {
    if (!s.spec.leaseEnded) return;
    for (const key of this.leases.keys()) if (s.spec.leaseEnded(data, key)) this.leases.endKey(key);
  }

  private snapshot(s: SourceState<unknown>): SourceSnapshot<unknown> {
    const ageMs = s.fetchedAt === null ? null : this.clock.now() - s.fetchedAt;
    const snap: SourceSnapshot<unknown> = { source: s.name, data: s.data, fetchedAt: s.fetchedAt, ageMs };
    if (s.error !== undefined) Object.assign(snap, { error: s.error, errorAt: s.errorAt, cause: s.cause });
    return snap;
  }

  private state(source: keyof S & string): SourceState<unknown> {
    const s = this.states.get(source);
    if (!s) throw new Error(`cluster ${this.clusterId} has no source "${source}"`);
    return s;
  }
}
