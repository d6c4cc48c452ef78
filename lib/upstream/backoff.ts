// How long to wait before asking an upstream again. Mesos and Marathon serve real clusters, so the
// poller reads every sign of strain as a reason to ask less often: a slow reply (the master is busy,
// or the cluster is large), a large reply (serializing /master/state costs the master CPU), or a
// failure (nothing to gain from hammering a master that is down or electing).

export interface BackoffPolicy {
  /** Wait at least this many times the last reply's duration: the upstream spends at most 1/(1+f) of its time on us. */
  slowFactor: number;
  /** Replies above this many bytes stretch the interval by sqrt(bytes / largeBytes). */
  largeBytes: number;
  /** Slow or large replies never push the interval beyond this (unless the interval itself is longer). */
  stretchCapMs: number;
  /** Failures double the interval per consecutive failure up to this. */
  failureCapMs: number;
  /** An on-demand refresh (an API caller wanting fresher data) is never closer than this to the last request. */
  minOnDemandGapMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  slowFactor: 5,
  largeBytes: 1024 * 1024,
  stretchCapMs: 60_000,
  failureCapMs: 60_000,
  minOnDemandGapMs: 1_000,
};

export interface LastOutcome {
  durationMs: number;
  bytes: number | null;
  consecutiveFailures: number;
}

/** The delay after the last request ended before the next scheduled poll. */
export function pollDelay(intervalMs: number, last: LastOutcome, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (last.consecutiveFailures > 0) return failureDelay(intervalMs, last.consecutiveFailures, policy);
  return Math.max(intervalMs, Math.min(policy.stretchCapMs, strainDelay(intervalMs, last, policy)));
}

/** The least gap after the last request ended before an on-demand refresh may go out. */
export function onDemandGap(intervalMs: number, last: LastOutcome, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (last.consecutiveFailures > 0) return failureDelay(intervalMs, last.consecutiveFailures, policy);
  return Math.max(policy.minOnDemandGapMs, Math.min(policy.stretchCapMs, last.durationMs * policy.slowFactor));
}

function failureDelay(intervalMs: number, failures: number, policy: BackoffPolicy): number {
  // 2^failures, computed without overflow for a master that stays down for days.
  const doubled = intervalMs * 2 ** Math.min(failures, 30);
  return Math.max(intervalMs, Math.min(policy.failureCapMs, doubled));
}

function strainDelay(intervalMs: number, last: LastOutcome, policy: BackoffPolicy): number {
  const slow = last.durationMs * policy.slowFactor;
  const large = last.bytes !== null && last.bytes > policy.largeBytes ? intervalMs * Math.sqrt(last.bytes / policy.largeBytes) : 0;
  return Math.max(slow, large);
}
