"use client";

import { useMemo, useRef } from "react";
import type { LogBuffer } from "./logBuffer";

interface Cache {
  buffer: LogBuffer;
  query: string;
  lines: number;
  chars: number;
  matches: number[];
}

export interface LogMatches {
  /** Matching line indices, ascending. Grows in place while the log grows: read `count`. */
  lines: readonly number[];
  count: number;
}

const NONE: LogMatches = { lines: [], count: 0 };

/**
 * The lines matching `query`, kept current as output arrives: a live log is searched once, then
 * only its new lines (and the last one, which may have grown or been rewritten by "\r").
 */
export function useLogSearch(buffer: LogBuffer | null, version: number, query: string): LogMatches {
  const cache = useRef<Cache | null>(null);
  return useMemo(() => {
    if (!buffer || !query) {
      cache.current = null;
      return NONE;
    }
    const lines = buffer.lineCount;
    const c = cache.current;
    if (c && c.buffer === buffer && c.query === query && lines >= c.lines) {
      if (lines !== c.lines || buffer.chars !== c.chars) {
        const from = Math.max(0, c.lines - 1);
        while (c.matches.length && c.matches[c.matches.length - 1]! >= from) c.matches.pop();
        for (const m of buffer.search(query, from)) c.matches.push(m);
        c.lines = lines;
        c.chars = buffer.chars;
      }
      return { lines: c.matches, count: c.matches.length };
    }
    const matches = buffer.search(query);
    cache.current = { buffer, query, lines, chars: buffer.chars, matches };
    return { lines: matches, count: matches.length };
  }, [buffer, version, query]); // version: the buffer mutates in place
}

/** Index in `sorted` of the first value >= `value` (or its length). */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
