"use client";

import Anser from "anser";
import { memo, type ReactNode } from "react";
import { ansiStyle } from "./ansiStyle";
import { renderableText } from "./logText";

/** Wraps occurrences of `query` (already lower-cased) in <mark>; text stays React text nodes. */
function highlight(text: string, query: string): ReactNode {
  if (!query) return text;
  const lower = text.toLowerCase();
  // Lower-casing a few characters changes the length; offsets would be wrong, so no marks there.
  if (lower.length !== text.length || !lower.includes(query)) return text;
  const parts: ReactNode[] = [];
  let pos = 0;
  for (let at = lower.indexOf(query); at !== -1; at = lower.indexOf(query, pos)) {
    if (at > pos) parts.push(text.slice(pos, at));
    parts.push(
      <mark key={at} className="rounded-sm bg-yellow-300/80 text-slate-950">
        {text.slice(at, at + query.length)}
      </mark>,
    );
    pos = at + query.length;
  }
  if (pos < text.length) parts.push(text.slice(pos));
  return parts;
}

/**
 * One log line as a terminal would colour it. Colours do not carry over from one line to the next
 * (each line is parsed alone, so any line can be drawn without the ones above it).
 */
export const AnsiText = memo(function AnsiText({ raw, query = "" }: { raw: string; query?: string }) {
  const text = renderableText(raw);
  if (!text.includes("\x1b")) return <>{highlight(text, query)}</>;
  const parts = Anser.ansiToJson(text, { use_classes: true, remove_empty: true });
  return (
    <>
      {parts.map((p, i) => (
        <span key={i} style={ansiStyle(p)}>
          {highlight(p.content, query)}
        </span>
      ))}
    </>
  );
});
