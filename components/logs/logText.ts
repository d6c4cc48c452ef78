// What a raw log line looks like on screen. Steps run tools that draw progress bars with "\r" and
// colour with ANSI escapes; the viewer shows (and searches) what a terminal would have shown,
// while the stored bytes stay untouched for download.

// CSI (colours, erase line, cursor moves), OSC (window titles, hyperlinks: BEL or ST terminated),
// and the remaining two-byte escapes.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]/g;
const OSC = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g;

/** Does the line need more than plain text rendering? Cheap test for the common case. */
export function needsTerminalRendering(raw: string): boolean {
  return raw.includes("\x1b") || raw.includes("\r");
}

/**
 * A terminal overwrites a line on "\r": keep what follows the last one. A trailing "\r" is the
 * CR of a CRLF line ending, not an overwrite.
 */
export function overwriteCarriageReturns(raw: string): string {
  // A loop, not /\r+$/: that regex is quadratic on a line of many "\r"s (a progress bar).
  let end = raw.length;
  while (end > 0 && raw.charCodeAt(end - 1) === 13) end--;
  let line = end === raw.length ? raw : raw.slice(0, end);
  const cr = line.lastIndexOf("\r");
  if (cr >= 0) line = line.slice(cr + 1);
  return line;
}

/** The line as a terminal shows it, still carrying colour codes (for anser). */
export function renderableText(raw: string): string {
  if (!needsTerminalRendering(raw)) return raw;
  // anser understands SGR and drops other CSI codes, but prints OSC sequences verbatim.
  return overwriteCarriageReturns(raw).replace(OSC, "");
}

/** Removes escape sequences; never touches "\n", so it may run over many lines at once. */
export function stripAnsi(text: string): string {
  return text.includes("\x1b") ? text.replace(ANSI, "") : text;
}

/** The characters a reader sees on the line: what search matches against. */
export function visibleText(raw: string): string {
  if (!needsTerminalRendering(raw)) return raw;
  return stripAnsi(overwriteCarriageReturns(raw));
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Local wall-clock time with milliseconds: what an operator correlates with other logs. */
export function formatLogTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
