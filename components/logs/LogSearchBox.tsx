"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

const iconButton =
  "inline-flex h-7 w-7 items-center justify-center rounded border border-slate-600 text-slate-200 hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-40";

/**
 * Search as you type (debounced: each search of a big log scans all of it), Enter / Shift+Enter
 * to walk the matches, Escape to clear.
 */
export function LogSearchBox({
  inputRef,
  onQuery,
  onNext,
  onPrevious,
  current,
  total,
  active,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  onQuery: (query: string) => void;
  onNext: () => void;
  onPrevious: () => void;
  /** 0-based index of the highlighted match, or null before the reader moved to one. */
  current: number | null;
  total: number;
  active: boolean;
}) {
  const [text, setText] = useState("");
  const applied = useRef("");
  const apply = useCallback(
    (value: string) => {
      if (applied.current === value) return false;
      applied.current = value;
      onQuery(value);
      return true;
    },
    [onQuery],
  );

  useEffect(() => {
    const timer = setTimeout(() => apply(text), 200);
    return () => clearTimeout(timer);
  }, [text, apply]);

  return (
    <div className="flex items-center gap-1" role="search">
      <input
        ref={inputRef}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            // A query typed faster than the debounce is applied (and jumps to its first match) first.
            if (apply(text)) return;
            if (e.shiftKey) onPrevious();
            else onNext();
          } else if (e.key === "Escape") {
            setText("");
            apply("");
          }
        }}
        placeholder="Search log"
        aria-label="Search log"
        className="h-7 w-56 rounded border border-slate-600 bg-slate-900 px-2 text-xs text-slate-100 placeholder:text-slate-500 focus:border-sky-500 focus:outline-none"
      />
      {active && (
        <span data-testid="search-count" className={`min-w-16 text-center text-xs tabular-nums ${total === 0 ? "text-red-300" : "text-slate-300"}`} aria-live="polite">
          {current === null || total === 0 ? 0 : current + 1} of {total}
        </span>
      )}
      <button type="button" className={iconButton} onClick={onPrevious} disabled={!active || total === 0} aria-label="Previous match" title="Previous match (Shift+Enter)">
        ↑
      </button>
      <button type="button" className={iconButton} onClick={onNext} disabled={!active || total === 0} aria-label="Next match" title="Next match (Enter)">
        ↓
      </button>
    </div>
  );
}
