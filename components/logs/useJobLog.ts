"use client";

import { useEffect, useState } from "react";
import type { LogBuffer } from "./logBuffer";
import { useLiveSocket } from "./liveSocket";

export interface JobLog {
  /** The job's lines so far (null before the socket exists or without a job). */
  buffer: LogBuffer | null;
  /** Changes whenever the buffer did, throttled to paints: a dependency for effects and memos. */
  version: number;
  /**
   * The line count as of `version`. Render with this, not `buffer.lineCount`: the buffer keeps
   * growing between paints, and a list whose length changes on every unrelated re-render (a
   * scroll event) would re-pin and re-render in a loop during a fast replay.
   */
  lineCount: number;
  /** Bytes held as of `version`. */
  bytes: number;
  /** The first byte not held yet, as of `version`. */
  next: number;
  connected: boolean;
  /** The socket dropped and is coming back: live output pauses, nothing is lost. */
  reconnecting: boolean;
  error: string | null;
}

// A render of the virtual list costs time in proportion to the line count (react-virtual lays out
// every row's offset; a million rows is ~10 ms, plus the browser's layout). A long log therefore
// repaints a few times a second, which also leaves the main thread to a fast replay's decoding.
function paintInterval(lines: number): number {
  if (lines < 20_000) return 0; // every animation frame
  if (lines < 200_000) return 100;
  return 250;
}

interface Snapshot {
  version: number;
  lineCount: number;
  bytes: number;
  next: number;
}

const EMPTY: Snapshot = { version: 0, lineCount: 0, bytes: 0, next: 0 };

/**
 * Follows a job's log over the page's socket, from byte `from` (0: all of it; more: only the end,
 * for a live tail). Re-follows from the last byte held after a reconnect; stops when unmounted.
 */
export function useJobLog(jobId: string | null | undefined, from = 0): JobLog {
  const { live, connected, reconnecting } = useLiveSocket();
  const [snapshot, setSnapshot] = useState<Snapshot>(EMPTY);

  useEffect(() => {
    if (!live || !jobId) return;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastPaint = 0;
    const paint = () => {
      frame = 0;
      timer = null;
      lastPaint = performance.now();
      const b = live.follower.buffer(jobId);
      setSnapshot((s) => ({ version: s.version + 1, lineCount: b?.lineCount ?? 0, bytes: b?.bytes ?? 0, next: b?.next ?? 0 }));
    };
    const changed = () => {
      if (frame || timer) return;
      const lines = live.follower.buffer(jobId)?.lineCount ?? 0;
      const wait = paintInterval(lines) - (performance.now() - lastPaint);
      if (wait > 0) timer = setTimeout(paint, wait);
      else frame = requestAnimationFrame(paint);
    };
    const unsubscribe = live.follower.subscribe(jobId, from, changed);
    paint();
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
    };
  }, [live, jobId, from]);

  const buffer = live && jobId ? live.follower.buffer(jobId) : null;
  return { buffer, ...snapshot, connected, reconnecting, error: live && jobId ? live.follower.error(jobId) : null };
}
