"use client";

import { useCallback, useEffect, useState } from "react";

/** Selected lines, 1-based and inclusive, as in `#L12` or `#L12-L20`. */
export interface LineRange {
  from: number;
  to: number;
}

export function parseLineHash(hash: string): LineRange | null {
  const m = /^#L(\d+)(?:-L?(\d+))?$/.exec(hash);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  if (a < 1 || b < 1) return null;
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

export function formatLineHash(range: LineRange): string {
  return range.from === range.to ? `#L${range.from}` : `#L${range.from}-L${range.to}`;
}

/** Drops `#L…` from the address, e.g. when another job's log is shown and the lines mean nothing. */
export function clearLineHash(): void {
  if (!parseLineHash(window.location.hash)) return;
  const url = new URL(window.location.href);
  url.hash = "";
  window.history.replaceState(window.history.state, "", url);
}

/**
 * The `#L…` lines of the address. `jump` changes when the address did (page load, a pasted link,
 * the back button), not when the viewer itself selected lines: only then should it scroll.
 * Without `honourInitial` a hash already in the address is stale and dropped.
 */
export function useLineHash(honourInitial = true): { range: LineRange | null; jump: { line: number; seq: number } | null; select: (range: LineRange | null) => void } {
  const [range, setRange] = useState<LineRange | null>(null);
  const [jump, setJump] = useState<{ line: number; seq: number } | null>(null);

  useEffect(() => {
    const read = () => {
      const r = parseLineHash(window.location.hash);
      setRange(r);
      if (r) setJump((j) => ({ line: r.from, seq: (j?.seq ?? 0) + 1 }));
    };
    if (honourInitial) read();
    else clearLineHash();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, [honourInitial]);

  const select = useCallback((r: LineRange | null) => {
    const url = new URL(window.location.href);
    url.hash = r ? formatLineHash(r) : "";
    // replaceState: no scroll jump by the browser, and clicking through lines does not fill history.
    window.history.replaceState(window.history.state, "", url);
    setRange(r);
  }, []);

  return { range, jump, select };
}
