import type { Clock, TimerHandle } from "./clock.ts";

// A follow lease says "someone cares about this deployment right now": it makes the poller poll
// even with nobody in the cluster's room, and poll the followed sources fast. Leases end by
// release(), by their time running out (a forgotten lease must not poll a master forever), or when
// a reply shows nothing is left to follow.

export interface Lease {
  readonly key: string;
  release(): void;
}

export const DEFAULT_LEASE_MS = 10 * 60_000;

export class FollowLeases {
  private readonly held = new Map<symbol, { key: string; timer: TimerHandle }>();

  constructor(
    private readonly clock: Clock,
    private readonly onChange: () => void,
  ) {}

  take(key: string, ttlMs = DEFAULT_LEASE_MS): Lease {
    const id = Symbol(key);
    const timer = this.clock.setTimeout(() => this.drop(id), ttlMs);
    this.held.set(id, { key, timer });
    this.onChange();
    return { key, release: () => this.drop(id) };
  }

  get active(): boolean {
    return this.held.size > 0;
  }

  keys(): string[] {
    return [...new Set([...this.held.values()].map((l) => l.key))];
  }

  /** Ends every lease on `key`. */
  endKey(key: string): void {
    let changed = false;
    for (const [id, l] of this.held) {
      if (l.key !== key) continue;
      l.timer.cancel();
      this.held.delete(id);
      changed = true;
    }
    if (changed) this.onChange();
  }

  clear(): void {
    for (const l of this.held.values()) l.timer.cancel();
    this.held.clear();
  }

  private drop(id: symbol): void {
    const l = this.held.get(id);
    if (!l) return;
    l.timer.cancel();
    this.held.delete(id);
    this.onChange();
  }
}
