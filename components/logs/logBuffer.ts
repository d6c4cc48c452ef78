import { stripAnsi, visibleText } from "./logText";

// One job's log in the browser, built to hold a million-line compile without a string (or object)
// per line: text lives in a few large segments, lines are a Uint32Array of character offsets, and
// times are kept once per received chunk (a line's time is the time its first character arrived).

export interface LogChunkInput {
  /** Byte offset of `data` in the job's log. */
  offset: number;
  /** When the server received the bytes (ms since the epoch). */
  at: number;
  data: Uint8Array;
}

/** "gap": the chunk starts past the bytes we have; nothing was stored and the caller should re-request. */
export type AppendResult = "appended" | "duplicate" | "gap";

// Small appends are glued onto the last segment up to this size, so a live log of tiny chunks
// does not become a string per chunk; large replay slices stay whole.
const SEGMENT_CHARS = 64 * 1024;

function grow<T extends Uint32Array | Float64Array>(array: T, need: number): T {
  if (need <= array.length) return array;
  const bigger = new (array.constructor as { new (n: number): T })(Math.max(need, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** Index of the first element greater than `value` among the first `n` (sorted ascending). */
function upperBound(array: ArrayLike<number>, n: number, value: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (array[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class LogBuffer {
  private readonly decoder = new TextDecoder("utf-8");
  private nextByte: number;

  private segments: string[] = [];
  private segmentStarts: number[] = [];
  private totalChars = 0;

  // lineStarts[i] = character offset where line i begins; a line ends before the next one's "\n".
  private lineStarts = new Uint32Array(1024);
  private starts = 1;

  private chunkChars = new Uint32Array(64);
  private chunkBytes = new Float64Array(64);
  private chunkTimes = new Float64Array(64);
  private chunks = 0;

  /** Bumped on every change; lets React memoise on (buffer, version). */
  version = 0;

  /** `startOffset` > 0 follows only the end of a log (a live tail line), not all of it. */
  constructor(readonly startOffset = 0) {
    this.nextByte = startOffset;
  }

  /** The byte offset of the first byte we do not have yet: where a follow resumes. */
  get next(): number {
    return this.nextByte;
  }

  get bytes(): number {
    return this.nextByte - this.startOffset;
  }

  get chars(): number {
    return this.totalChars;
  }

  /** Lines, counting an unterminated last line; a final "\n" does not open an empty one. */
  get lineCount(): number {
    return this.lineStarts[this.starts - 1] === this.totalChars ? this.starts - 1 : this.starts;
  }

  append(chunk: LogChunkInput): AppendResult {
    const end = chunk.offset + chunk.data.length;
    if (end <= this.nextByte) return "duplicate";
    if (chunk.offset > this.nextByte) return "gap";
    const fresh = chunk.offset < this.nextByte ? chunk.data.subarray(this.nextByte - chunk.offset) : chunk.data;
    const byteStart = this.nextByte;
    this.nextByte = end;
    // stream: a multi-byte character cut at the chunk's end is held until the next chunk.
    const text = this.decoder.decode(fresh, { stream: true });
    if (text.length > 0) this.addText(text, chunk.at, byteStart);
    this.version++;
    return "appended";
  }

  private addText(text: string, at: number, byteStart: number): void {
    const charStart = this.totalChars;
    if (this.chunks === 0 || this.chunkTimes[this.chunks - 1] !== at) {
      this.chunkChars = grow(this.chunkChars, this.chunks + 1);
      this.chunkBytes = grow(this.chunkBytes, this.chunks + 1);
      this.chunkTimes = grow(this.chunkTimes, this.chunks + 1);
      this.chunkChars[this.chunks] = charStart;
      this.chunkBytes[this.chunks] = byteStart;
      this.chunkTimes[this.chunks] = at;
      this.chunks++;
    }

    const last = this.segments.length - 1;
    if (last >= 0 && this.segments[last]!.length + text.length <= SEGMENT_CHARS) {
      this.segments[last] += text;
    } else {
      this.segments.push(text);
      this.segmentStarts.push(charStart);
    }

    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
      if (this.starts === this.lineStarts.length) this.lineStarts = grow(this.lineStarts, this.starts + 1);
      this.lineStarts[this.starts++] = charStart + i + 1;
    }
    this.totalChars += text.length;
  }

  private lineEnd(i: number): number {
    return i + 1 < this.starts ? this.lineStarts[i + 1]! - 1 : this.totalChars;
  }

  private segmentAt(char: number): number {
    return Math.max(0, upperBound(this.segmentStarts, this.segmentStarts.length, char) - 1);
  }

  private text(from: number, to: number): string {
    let k = this.segmentAt(from);
    const segment = this.segments[k];
    if (segment === undefined) return "";
    const base = this.segmentStarts[k]!;
    if (to <= base + segment.length) return segment.slice(from - base, to - base);
    // A line longer than what is left of its segment (it was still growing when the segment filled).
    let out = segment.slice(from - base);
    for (k++; k < this.segments.length && this.segmentStarts[k]! < to; k++) {
      out += this.segments[k]!.slice(0, to - this.segmentStarts[k]!);
    }
    return out;
  }

  /** Line `i` (0-based) without its "\n", exactly as received. */
  line(i: number): string {
    if (i < 0 || i >= this.lineCount) return "";
    return this.text(this.lineStarts[i]!, this.lineEnd(i));
  }

  /** When the first character of line `i` arrived (ms since the epoch). */
  lineTime(i: number): number | null {
    if (i < 0 || i >= this.lineCount || this.chunks === 0) return null;
    const k = upperBound(this.chunkChars, this.chunks, this.lineStarts[i]!) - 1;
    return k >= 0 ? this.chunkTimes[k]! : null;
  }

  /** The last line, complete or still being written: a live "what is it doing now". */
  lastLine(): string {
    return this.line(this.lineCount - 1);
  }

  /**
   * The line holding the byte at `offset` (exact at chunk starts, e.g. where a retried attempt's
   * output begins; otherwise the line of the chunk's start).
   */
  lineAtByte(offset: number): number {
    if (this.chunks === 0) return 0;
    const k = Math.max(0, upperBound(this.chunkBytes, this.chunks, offset) - 1);
    return Math.min(this.lineCount - 1, Math.max(0, upperBound(this.lineStarts, this.starts, this.chunkChars[k]!) - 1));
  }

  /**
   * Indices (ascending, from `fromLine`) of lines whose visible text contains `query`, ignoring
   * case. Runs of whole lines are searched as one string per segment (escapes stripped, lowered
   * once); only lines cut across segments, and hits on lines a "\r" rewrote, are checked alone.
   */
  search(query: string, fromLine = 0): number[] {
    const q = query.toLowerCase();
    const found: number[] = [];
    const count = this.lineCount;
    if (!q || q.includes("\n")) return found;
    const visibleMatch = (i: number) => visibleText(this.line(i)).toLowerCase().includes(q);
    let line = Math.max(0, fromLine);
    while (line < count) {
      const k = this.segmentAt(this.lineStarts[line]!);
      const segment = this.segments[k]!;
      const base = this.segmentStarts[k]!;
      const segmentEnd = base + segment.length;
      const lastStarting = Math.min(count - 1, upperBound(this.lineStarts, this.starts, segmentEnd - 1) - 1);
      const straddles = this.lineEnd(lastStarting) > segmentEnd;
      // Lines [line, whole) lie entirely inside this segment.
      const whole = straddles ? lastStarting : lastStarting + 1;
      if (whole > line) {
        const raw = segment.slice(this.lineStarts[line]! - base, this.lineEnd(whole - 1) - base);
        const rewritten = raw.includes("\r");
        // Escapes hold no "\n" and lowering keeps every "\n", so line numbers survive by counting them.
        const lower = stripAnsi(raw).toLowerCase();
        let at = line;
        let lineStart = 0;
        for (let hit = lower.indexOf(q); hit !== -1; ) {
          for (let nl = lower.indexOf("\n", lineStart); nl !== -1 && nl < hit; nl = lower.indexOf("\n", lineStart)) {
            at++;
            lineStart = nl + 1;
          }
          if (!rewritten || !this.line(at).includes("\r") || visibleMatch(at)) found.push(at);
          const eol = lower.indexOf("\n", hit);
          if (eol === -1) break;
          at++;
          lineStart = eol + 1;
          hit = lower.indexOf(q, lineStart);
        }
        line = whole;
      }
      if (straddles && line === lastStarting) {
        if (visibleMatch(line)) found.push(line);
        line++;
      }
    }
    return found;
  }
}
