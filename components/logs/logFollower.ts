import { LogBuffer } from "./logBuffer";

// Keeps a LogBuffer per followed job on one socket, whatever the server sends in whatever order.
// The server joins the job's room before replaying the stored log, so during a replay live chunks
// arrive ahead of the bytes we have. Re-asking at every such gap would start a second replay per
// live chunk; instead early chunks wait (bounded) until the replay reaches them, and only a gap
// that stops closing is re-requested.

/** The part of a socket.io client this needs (a fake in tests). */
// socket.io types listeners as `(...args: any[]) => void`; anything narrower does not fit.
type Listener = (...args: any[]) => void;

export interface FollowSocket {
  readonly connected: boolean;
  emit(event: string, payload: unknown): unknown;
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
}

interface ChunkMessage {
  jobId?: unknown;
  offset?: unknown;
  at?: unknown;
  data?: unknown;
}

interface Entry {
  jobId: string;
  buffer: LogBuffer;
  listeners: Set<() => void>;
  early: Map<number, { offset: number; at: number; data: Uint8Array }>;
  earlyBytes: number;
  gapTimer: ReturnType<typeof setTimeout> | null;
  gapSeenAt: number;
  releaseTimer: ReturnType<typeof setTimeout> | null;
  error: string | null;
}

export interface FollowerOptions {
  /** How long a gap may stay open without progress before we ask again. */
  gapWaitMs?: number;
  /** Bytes of early chunks kept per job; beyond that they are dropped and fetched again. */
  maxEarlyBytes?: number;
  /** A job left by its last viewer is kept this long, so switching back does not replay it. */
  keepMs?: number;
}

export function toBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data === "string") return new TextEncoder().encode(data);
  return null;
}

export class LogFollower {
  private readonly entries = new Map<string, Entry>();
  private readonly gapWaitMs: number;
  private readonly maxEarlyBytes: number;
  private readonly keepMs: number;

  constructor(
    private readonly socket: FollowSocket,
    options: FollowerOptions = {},
  ) {
    this.gapWaitMs = options.gapWaitMs ?? 750;
    this.maxEarlyBytes = options.maxEarlyBytes ?? 16 * 1024 * 1024;
    this.keepMs = options.keepMs ?? 5000;
    socket.on("connect", this.onConnect);
    socket.on("log:chunk", this.onChunk);
    socket.on("log:error", this.onError);
  }

  dispose(): void {
    this.socket.off("connect", this.onConnect);
    this.socket.off("log:chunk", this.onChunk);
    this.socket.off("log:error", this.onError);
    for (const entry of this.entries.values()) this.clearTimers(entry);
    this.entries.clear();
  }

  /**
   * Follows `jobId` from byte `from` (0: the whole log). Subscribers of one job share its buffer;
   * one asking for earlier bytes than the buffer holds starts it over from there.
   */
  subscribe(jobId: string, from: number, listener: () => void): () => void {
    let entry = this.entries.get(jobId);
    if (!entry) {
      entry = { jobId, buffer: new LogBuffer(from), listeners: new Set(), early: new Map(), earlyBytes: 0, gapTimer: null, gapSeenAt: 0, releaseTimer: null, error: null };
      this.entries.set(jobId, entry);
      this.request(entry);
    } else if (from < entry.buffer.startOffset) {
      this.restart(entry, from);
    }
    if (entry.releaseTimer) clearTimeout(entry.releaseTimer);
    entry.releaseTimer = null;
    entry.listeners.add(listener);
    const held = entry;
    return () => {
      held.listeners.delete(listener);
      if (held.listeners.size > 0 || held.releaseTimer) return;
      held.releaseTimer = setTimeout(() => this.release(held), this.keepMs);
    };
  }

  buffer(jobId: string): LogBuffer | null {
    return this.entries.get(jobId)?.buffer ?? null;
  }

  error(jobId: string): string | null {
    return this.entries.get(jobId)?.error ?? null;
  }

  private release(entry: Entry): void {
    if (entry.listeners.size > 0 || this.entries.get(entry.jobId) !== entry) return;
    this.clearTimers(entry);
    this.entries.delete(entry.jobId);
    if (this.socket.connected) this.socket.emit("log:unfollow", { jobId: entry.jobId });
  }

  private restart(entry: Entry, from: number): void {
    entry.buffer = new LogBuffer(from);
    entry.early.clear();
    entry.earlyBytes = 0;
    this.request(entry);
    this.notify(entry);
  }

  private clearTimers(entry: Entry): void {
    if (entry.gapTimer) clearTimeout(entry.gapTimer);
    if (entry.releaseTimer) clearTimeout(entry.releaseTimer);
    entry.gapTimer = entry.releaseTimer = null;
  }

  // While disconnected, socket.io would queue an emit and send it stale on reconnect; "connect"
  // asks again from what we have then instead.
  private request(entry: Entry): void {
    if (this.socket.connected) this.socket.emit("log:follow", { jobId: entry.jobId, offset: entry.buffer.next });
  }

  private readonly onConnect = () => {
    for (const entry of this.entries.values()) {
      entry.error = null;
      this.request(entry);
    }
  };

  private readonly onError = (msg: { jobId?: unknown; message?: unknown }) => {
    const entry = typeof msg?.jobId === "string" ? this.entries.get(msg.jobId) : undefined;
    if (!entry) return;
    entry.error = typeof msg.message === "string" ? msg.message : "The log is not available";
    this.notify(entry);
  };

  private readonly onChunk = (msg: ChunkMessage) => {
    const entry = typeof msg?.jobId === "string" ? this.entries.get(msg.jobId) : undefined;
    const data = toBytes(msg?.data);
    if (!entry || !data || typeof msg.offset !== "number") return;
    const chunk = { offset: msg.offset, at: typeof msg.at === "number" ? msg.at : Date.now(), data };
    const result = entry.buffer.append(chunk);
    if (result === "gap") {
      this.holdEarly(entry, chunk);
      return;
    }
    if (result === "appended") {
      this.drainEarly(entry);
      this.notify(entry);
    }
  };

  private holdEarly(entry: Entry, chunk: { offset: number; at: number; data: Uint8Array }): void {
    if (!entry.early.has(chunk.offset) && entry.earlyBytes + chunk.data.length <= this.maxEarlyBytes) {
      // Copy: a view could pin a much larger receive buffer.
      entry.early.set(chunk.offset, { ...chunk, data: chunk.data.slice() });
      entry.earlyBytes += chunk.data.length;
    }
    if (!entry.gapTimer) {
      entry.gapSeenAt = entry.buffer.next;
      entry.gapTimer = setTimeout(() => this.checkGap(entry), this.gapWaitMs);
    }
  }

  private drainEarly(entry: Entry): void {
    for (let progressed = true; progressed && entry.early.size > 0; ) {
      progressed = false;
      for (const [offset, chunk] of entry.early) {
        if (offset > entry.buffer.next) continue;
        entry.early.delete(offset);
        entry.earlyBytes -= chunk.data.length;
        if (entry.buffer.append(chunk) === "appended") progressed = true;
      }
    }
  }

  private checkGap(entry: Entry): void {
    entry.gapTimer = null;
    if (this.entries.get(entry.jobId) !== entry || entry.early.size === 0) return;
    if (entry.buffer.next === entry.gapSeenAt) {
      // Nothing is closing the gap: ask for the bytes from where we are.
      this.request(entry);
    }
    entry.gapSeenAt = entry.buffer.next;
    entry.gapTimer = setTimeout(() => this.checkGap(entry), this.gapWaitMs);
  }

  private notify(entry: Entry): void {
    for (const listener of entry.listeners) listener();
  }
}
