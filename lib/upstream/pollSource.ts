// What a poller is given for each thing it fetches. The fetch function is the only link to a
// concrete client (lib/mesos, lib/marathon, the SSH pool), so the poller neither knows nor cares
// how a reply is obtained, and tests plug in their own fetchers against the stand-in.

export type Upstream = "mesos" | "marathon" | "ssh" | "zookeeper";

export interface FetchContext {
  /** The fetcher reports the reply's size when it knows it; large replies stretch the interval. */
  reportBytes(bytes: number): void;
}

export interface PollSource<T> {
  upstream: Upstream;
  /** Interval while someone watches the cluster (or holds a follow lease). */
  intervalMs: number;
  /** Faster interval while a follow lease is held (e.g. marathon.deployments every 2 s). */
  followedIntervalMs?: number;
  /** Interval while watched and the upstream's event stream is live (its events refresh the source early). */
  eventIntervalMs?: number;
  /** The same while a follow lease is held. */
  eventFollowedIntervalMs?: number;
  /**
   * How soon after its last request an event may refresh the source: "schedule" (the default) no
   * sooner than its normal timer would without the stream, so a cluster whose tasks churn costs
   * no more than polling; "on-demand" as soon as an API caller may (1 s, more under strain), for
   * events that are few by nature and that an operator waits on (a deployment's steps).
   */
  eventRefresh?: "schedule" | "on-demand";
  /** Interval with nobody watching; null = not at all. Defaults to the poller's keep-alive. */
  keepAliveMs?: number | null;
  fetch(signal: AbortSignal, ctx: FetchContext): Promise<T>;
  /** Whether a lease on `key` has nothing left to follow in this reply (the deployment is gone). */
  leaseEnded?(data: T, key: string): boolean;
  /** What subscribers of cluster:update get as `data`; omitted = a notice without data (fetch it from the API). */
  publish?(data: T): unknown;
}

export type PollSources<S> = { [K in keyof S]: PollSource<S[K]> };

/** The cache entry of one source: the last good data stays beside the newest error. */
export interface SourceSnapshot<T> {
  source: string;
  data: T | undefined;
  /** When `data` was fetched (poller clock, ms since the epoch); null before the first success. */
  fetchedAt: number | null;
  ageMs: number | null;
  /** The newest failure in words, when it is newer than `data`. */
  error?: string;
  errorAt?: number;
  /** The thrown value itself, for mapping to 502/503/504 (never published). */
  cause?: unknown;
}

export interface ClusterUpdate {
  clusterId: string;
  source: string;
  fetchedAt: number | null;
  error?: string;
  errorAt?: number;
  data?: unknown;
}
