import fs from "node:fs";
import path from "node:path";
import { dataDir } from "../db/databaseUrl.ts";

// The one place job output is kept. Today: an append-only file per job under the data folder, and
// beside it an index of (offset, time) per appended chunk, which gives every line its time. The
// file's size is the job's offset: nothing is counted that is not on disk.

/** The job's output could not be stored on the dashboard (e.g. its disk is full). */
export class LogWriteError extends Error {
  constructor(jobId: string, cause: unknown) {
    super(`Could not store the output of job ${jobId} on the dashboard (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    this.name = "LogWriteError";
  }
}

export interface LogChunk {
  offset: number;
  at: number;
  data: Buffer;
}

function logsDir(): string {
  return path.join(dataDir(), "job-logs");
}

export function logPath(jobId: string): string {
  if (!/^[a-z0-9]+$/i.test(jobId)) throw new Error("bad job id");
  return path.join(logsDir(), `${jobId}.log`);
}

const indexPath = (jobId: string) => logPath(jobId).replace(/\.log$/, ".idx");

export function logSize(jobId: string): number {
  try {
    return fs.statSync(logPath(jobId)).size;
  } catch {
    return 0;
  }
}

/**
 * A job's log open for appending: the runner keeps one per followed job, so a chunk costs two
 * writes on open files instead of a stat, an open and a close of each file. Its size is the
 * file's, read once at open and then counted; nothing is counted that was not written.
 */
export class LogAppender {
  private logFd: number;
  private indexFd: number;
  private bytes: number;
  private indexTornMaybe = true;

  constructor(private readonly jobId: string) {
    try {
      fs.mkdirSync(logsDir(), { recursive: true, mode: 0o700 });
      this.logFd = fs.openSync(logPath(jobId), "a");
      this.indexFd = fs.openSync(indexPath(jobId), "a+");
      this.bytes = fs.fstatSync(this.logFd).size;
    } catch (error) {
      throw new LogWriteError(jobId, error);
    }
  }

  get size(): number {
    return this.bytes;
  }

  /**
   * Appends bytes that start at `offset`. A chunk that overlaps what is stored (a resumed follow
   * re-sending bytes) is trimmed; a chunk past the end would leave a gap and is refused.
   * Returns the part actually appended (null when all of it was already there).
   */
  append(offset: number, data: Buffer, at = Date.now()): LogChunk | null {
    const size = this.bytes;
    if (offset > size) throw new Error(`log gap for job ${this.jobId}: have ${size} bytes, got a chunk at ${offset}`);
    const fresh = data.subarray(size - offset);
    if (fresh.length === 0) return null;
    try {
      // A short write (disk full) keeps the prefix it wrote: still offset-true, as the size is
      // the offset, and the caller resends the rest from there.
      let written = 0;
      try {
        while (written < fresh.length) written += fs.writeSync(this.logFd, fresh, written);
      } finally {
        this.bytes += written;
      }
      if (this.indexTornMaybe) cutTornTail(this.indexFd);
      this.indexTornMaybe = true; // until this record is whole
      fs.writeSync(this.indexFd, `${size}\t${Math.round(at)}\n`);
      this.indexTornMaybe = false;
    } catch (error) {
      throw new LogWriteError(this.jobId, error);
    }
    return { offset: size, at, data: fresh };
  }

  close(): void {
    fs.closeSync(this.logFd);
    fs.closeSync(this.indexFd);
  }
}

/** One append on a log that is not kept open (tests, benchmarks, one-off writes). */
export function appendLog(jobId: string, offset: number, data: Buffer, at = Date.now()): LogChunk | null {
  const appender = new LogAppender(jobId);
  try {
    return appender.append(offset, data, at);
  } finally {
    appender.close();
  }
}

// The index is text records "offset<TAB>time\n". A write cut short (disk full) leaves a torn
// last record; the next append first cuts the file back to its last whole record, and readers
// skip anything that is not a whole record, so a torn one never reads as a time in 1970.
const RECORD = /^(\d+)\t(\d+)$/;

function cutTornTail(fd: number): void {
  const size = fs.fstatSync(fd).size;
  if (size === 0) return;
  const tail = Buffer.alloc(Math.min(size, 64)); // longer than any record
  fs.readSync(fd, tail, 0, tail.length, size - tail.length);
  if (tail[tail.length - 1] === 0x0a) return;
  const lastNewline = tail.lastIndexOf(0x0a);
  fs.ftruncateSync(fd, lastNewline === -1 ? Math.max(0, size - tail.length) : size - tail.length + lastNewline + 1);
}

/** Chunks from `from` on, as they were appended, up to about `maxBytes`. */
export function readLog(jobId: string, from: number, maxBytes = 4 * 1024 * 1024): LogChunk[] {
  const size = logSize(jobId);
  if (from >= size) return [];
  const marks = readIndex(jobId);
  const end = Math.min(size, from + maxBytes);
  const fd = fs.openSync(logPath(jobId), "r");
  try {
    const chunks: LogChunk[] = [];
    // Start at the chunk containing `from`; then cut at chunk boundaries so each keeps its time.
    let i = Math.max(0, upperBound(marks, from) - 1);
    let pos = from;
    while (pos < end) {
      const next = marks[i + 1]?.offset ?? size;
      const stop = Math.min(next, end);
      const buf = Buffer.alloc(stop - pos);
      fs.readSync(fd, buf, 0, buf.length, pos);
      chunks.push({ offset: pos, at: marks[i]?.at ?? Date.now(), data: buf });
      pos = stop;
      i++;
    }
    return chunks;
  } finally {
    fs.closeSync(fd);
  }
}

function readIndex(jobId: string): { offset: number; at: number }[] {
  let text = "";
  try {
    text = fs.readFileSync(indexPath(jobId), "utf8");
  } catch {
    return [];
  }
  const marks: { offset: number; at: number }[] = [];
  for (const line of text.split("\n")) {
    const record = RECORD.exec(line);
    if (record) marks.push({ offset: Number(record[1]), at: Number(record[2]) });
  }
  return marks;
}

function upperBound(marks: { offset: number }[], value: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid]!.offset <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last `lines` lines, for a failed job's summary. */
export function tailLog(jobId: string, lines = 30): string {
  const size = logSize(jobId);
  const from = Math.max(0, size - 64 * 1024);
  const text = readLog(jobId, from, size - from)
    .map((c) => c.data.toString("utf8"))
    .join("");
  return text.split("\n").slice(-lines - 1).join("\n").trimEnd();
}

/** The log's first bytes (whole lines only), for what a step says before its own output. */
export function headLog(jobId: string, maxBytes = 64 * 1024): string {
  const text = Buffer.concat(readLog(jobId, 0, maxBytes).map((c) => c.data)).toString("utf8");
  return logSize(jobId) <= maxBytes ? text : text.slice(0, Math.max(0, text.lastIndexOf("\n")));
}

/**
 * The last line that starts with `prefix`, searched backwards from the end a window at a time, up to
 * `maxScanBytes`: a failed `make` prints far more than a tail holds after the traced command that
 * ran it (`+ make -j4`), and the failure must still name that command.
 */
export function lastLineStartingWith(jobId: string, prefix: string, maxScanBytes = 32 * 1024 * 1024, windowBytes = 1024 * 1024): string | null {
  const size = logSize(jobId);
  const wanted = Buffer.from(prefix, "utf8");
  let end = size;
  while (end > 0 && size - end < maxScanBytes) {
    const from = Math.max(0, end - windowBytes, size - maxScanBytes);
    const buf = Buffer.concat(readLog(jobId, from, end - from).map((c) => c.data));
    // The window's first line may be cut (unless the window starts the log): it is read whole by the next window.
    const firstBreak = from === 0 ? -1 : buf.indexOf(0x0a);
    let lineEnd = buf.length;
    for (let i = buf.length - 1; i >= firstBreak; i--) {
      if (i === firstBreak || buf[i] === 0x0a) {
        const line = buf.subarray(i + 1, lineEnd);
        if (line.subarray(0, wanted.length).equals(wanted)) return line.toString("utf8").replace(/\r$/, "");
        lineEnd = i;
      }
    }
    const next = firstBreak < 0 ? from : from + firstBreak + 1;
    end = next < end ? next : from;
  }
  return null;
}

