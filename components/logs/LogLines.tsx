"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useEffect, useLayoutEffect, useRef, type MouseEvent } from "react";
import { AnsiText } from "./AnsiText";
import type { LogBuffer } from "./logBuffer";
import { formatLogTime } from "./logText";
import type { LineRange } from "./useLineHash";
import { lowerBound } from "./useLogSearch";

// Fixed row height: a million rows are 18 M px, within Chromium's ~33 M px element limit
// (Firefox stops near 17.9 M px, i.e. about 990 000 lines).
export const ROW_HEIGHT = 18;

type Match = "none" | "match" | "current";

interface RowProps {
  n: number;
  raw: string;
  time: number | null;
  showTime: boolean;
  gutter: string;
  top: number;
  selected: boolean;
  match: Match;
  query: string;
  attemptStart: number | null;
  onNumberClick: (n: number, extend: boolean) => void;
}

// Traced commands and Armdeck's own notes stand out from tool output, as a "Run" header would.
function lineTone(raw: string): string {
  if (raw.startsWith("+ ")) return "text-sky-300";
  if (raw.startsWith("[armdeck]")) return "text-violet-300";
  return "";
}

const Row = memo(function Row({ n, raw, time, showTime, gutter, top, selected, match, query, attemptStart, onNumberClick }: RowProps) {
  const background = match === "current" ? "bg-amber-500/25" : selected ? "bg-yellow-400/15" : "hover:bg-white/5";
  return (
    <div
      data-testid="log-line"
      data-line={n}
      data-selected={selected || undefined}
      data-match={match === "none" ? undefined : match}
      className={`group absolute left-0 top-0 flex w-max min-w-full ${background} ${attemptStart ? "border-t border-amber-400/70" : ""}`}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      title={attemptStart ? `Attempt ${attemptStart} starts here` : undefined}
    >
      <a
        href={`#L${n}`}
        onClick={(e: MouseEvent) => {
          e.preventDefault();
          onNumberClick(n, e.shiftKey);
        }}
        className={`sticky left-0 shrink-0 select-none pr-3 text-right text-[#6e7681] hover:text-slate-200 ${selected ? "bg-[#2a2617] text-yellow-200" : "bg-[#0d1117]"} ${selected ? "border-l-2 border-yellow-400" : "border-l-2 border-transparent"}`}
        style={{ width: gutter }}
        aria-label={`Line ${n}`}
      >
        {n}
      </a>
      {showTime && (
        <span className="shrink-0 select-none pr-3 text-[#6e7681]" title={time === null ? undefined : new Date(time).toISOString()}>
          {time === null ? "" : formatLogTime(time)}
        </span>
      )}
      <span className={`whitespace-pre pr-4 ${lineTone(raw)}`}>
        <AnsiText raw={raw} query={query} />
      </span>
    </div>
  );
});

export interface LogLinesProps {
  buffer: LogBuffer;
  /** Lines to show: the count as of `version`, not the buffer's live one (see useJobLog). */
  count: number;
  version: number;
  showTime: boolean;
  follow: boolean;
  onFollowChange: (follow: boolean) => void;
  selection: LineRange | null;
  onNumberClick: (n: number, extend: boolean) => void;
  matches: readonly number[];
  currentMatch: number | null;
  query: string;
  /** Scroll this 0-based line into the middle when `seq` changes. */
  jump: { line: number; seq: number } | null;
  /** Where the latest attempt's output begins (0-based line) and its number. */
  attempt: { line: number; attempt: number } | null;
  /** Reports the first visible line (0-based), so search can start from what is on screen. */
  topLineRef: { current: number };
}

/** The virtual list: only the rows on screen exist, however long the log is. */
export function LogLines(props: LogLinesProps) {
  const { buffer, count, version, showTime, follow, onFollowChange, selection, onNumberClick, matches, currentMatch, query, jump, attempt, topLineRef } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 30,
  });

  // Pinned to the bottom while following: after every render that added lines.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (follow && el) el.scrollTop = el.scrollHeight;
  }, [follow, version, count]);

  // A jump (search hit, linked line) that lands at the very end must not read as "back at the
  // bottom, follow again": the next output would carry the hit out of view.
  const jumped = useRef(false);
  useEffect(() => {
    const el = scroller.current;
    if (!jump || !el) return;
    const before = el.scrollTop;
    el.scrollTop = Math.max(0, jump.line * ROW_HEIGHT - el.clientHeight / 2 + ROW_HEIGHT / 2);
    jumped.current = el.scrollTop !== before;
  }, [jump]);

  // Follow is whatever the reader's scroll says: away from the bottom stops it, back there resumes
  // it. Our own pinning always lands at the bottom, so it never reads as the reader leaving.
  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    topLineRef.current = Math.floor(el.scrollTop / ROW_HEIGHT);
    if (jumped.current) {
      jumped.current = false;
      return;
    }
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 4;
    if (atBottom !== follow) onFollowChange(atBottom);
  }, [follow, onFollowChange, topLineRef]);

  const digits = String(Math.max(count, 1)).length;
  const gutter = `${Math.max(digits, 3) + 2}ch`;
  const q = query.toLowerCase();
  const currentLine = currentMatch === null ? -1 : (matches[currentMatch] ?? -1);

  return (
    <div
      ref={scroller}
      onScroll={onScroll}
      tabIndex={0}
      className="relative h-full overflow-auto bg-[#0d1117] font-mono text-xs leading-[18px] text-[#e6edf3] focus:outline-none"
      style={{ overflowAnchor: "none" }}
      aria-label="Log output"
    >
      <div className="relative min-w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const i = item.index;
          const n = i + 1;
          const isMatch = matches.length > 0 && matches[lowerBound(matches, i)] === i;
          return (
            <Row
              key={i}
              n={n}
              raw={buffer.line(i)}
              time={showTime ? buffer.lineTime(i) : null}
              showTime={showTime}
              gutter={gutter}
              top={item.start}
              selected={!!selection && n >= selection.from && n <= selection.to}
              match={i === currentLine ? "current" : isMatch ? "match" : "none"}
              query={isMatch ? q : ""}
              attemptStart={attempt && attempt.line === i && i > 0 ? attempt.attempt : null}
              onNumberClick={onNumberClick}
            />
          );
        })}
      </div>
    </div>
  );
}
