import { describe, expect, it } from "vitest";
import { LogBuffer } from "./logBuffer";
import { visibleText } from "./logText";

const enc = new TextEncoder();
const chunk = (offset: number, text: string | Uint8Array, at = 1000) => ({ offset, at, data: typeof text === "string" ? enc.encode(text) : text });
const lines = (b: LogBuffer) => Array.from({ length: b.lineCount }, (_, i) => b.line(i));

/** Feeds `text` in pieces cut at the given byte positions. */
function fed(text: string, cuts: number[], at = (i: number) => 1000 + i) {
  const bytes = enc.encode(text);
  const b = new LogBuffer();
  const marks = [0, ...cuts, bytes.length];
  for (let i = 0; i + 1 < marks.length; i++) expect(b.append({ offset: marks[i]!, at: at(i), data: bytes.subarray(marks[i], marks[i + 1]) })).toBe("appended");
  return b;
}

describe("LogBuffer", () => {
  it("splits lines and shows an unterminated last line", () => {
    const b = new LogBuffer();
    expect(b.lineCount).toBe(0);
    b.append(chunk(0, "+ make -j4\ncc -c a.c\npartial"));
    expect(lines(b)).toEqual(["+ make -j4", "cc -c a.c", "partial"]);
    expect(b.lastLine()).toBe("partial");
    b.append(chunk(b.next, " line\n"));
    expect(lines(b)).toEqual(["+ make -j4", "cc -c a.c", "partial line"]);
    b.append(chunk(b.next, "\n\nend"));
    expect(lines(b)).toEqual(["+ make -j4", "cc -c a.c", "partial line", "", "", "end"]);
    expect(b.next).toBe(39);
  });

  it("drops repeated chunks and keeps only the new part of an overlapping one", () => {
    const b = new LogBuffer();
    b.append(chunk(0, "abc\nde"));
    const v = b.version;
    expect(b.append(chunk(0, "abc\nde"))).toBe("duplicate");
    expect(b.append(chunk(2, "c\nd"))).toBe("duplicate");
    expect(b.version).toBe(v);
    expect(b.append(chunk(4, "def\ng"))).toBe("appended");
    expect(lines(b)).toEqual(["abc", "def", "g"]);
    expect(b.next).toBe(9);
  });

  it("refuses a chunk past a gap, then accepts it once the gap is filled", () => {
    const b = new LogBuffer();
    b.append(chunk(0, "one\n"));
    expect(b.append(chunk(8, "three\n"))).toBe("gap");
    expect(b.next).toBe(4);
    expect(lines(b)).toEqual(["one"]);
    expect(b.append(chunk(4, "two\n"))).toBe("appended");
    expect(b.append(chunk(8, "three\n"))).toBe("appended");
    expect(lines(b)).toEqual(["one", "two", "three"]);
  });

  it("decodes multi-byte characters split across chunks", () => {
    const text = "héllo ✓ done 🚀\nnext ─── line\n";
    const bytes = enc.encode(text);
    // Every possible single cut, and one cut per byte.
    for (let cut = 1; cut < bytes.length; cut++) expect(lines(fed(text, [cut]))).toEqual(["héllo ✓ done 🚀", "next ─── line"]);
    expect(lines(fed(text, Array.from({ length: bytes.length - 1 }, (_, i) => i + 1)))).toEqual(["héllo ✓ done 🚀", "next ─── line"]);
    // An overlap that starts in the middle of a character already received is dropped by byte offset.
    const b = new LogBuffer();
    b.append(chunk(0, bytes.subarray(0, 2)));
    b.append({ offset: 1, at: 1, data: bytes.subarray(1) });
    expect(b.line(0)).toBe("héllo ✓ done 🚀");
  });

  it("gives a line the time of the chunk where it started", () => {
    const b = new LogBuffer();
    b.append(chunk(0, "a\nb", 100));
    b.append(chunk(3, "b\nc\n", 200));
    b.append(chunk(7, "d", 300));
    expect([0, 1, 2, 3].map((i) => b.lineTime(i))).toEqual([100, 100, 200, 300]);
    expect(lines(b)).toEqual(["a", "bb", "c", "d"]);
    expect(b.lineTime(4)).toBeNull();
  });

  it("finds the line where a byte offset begins (a retried attempt's output)", () => {
    const b = new LogBuffer();
    b.append(chunk(0, "attempt 1\nfailed\n", 1));
    b.append(chunk(17, "attempt 2\nok\n", 2));
    expect(b.lineAtByte(17)).toBe(2);
    expect(b.lineAtByte(0)).toBe(0);
  });

  it("can follow only the end of a log", () => {
    const b = new LogBuffer(100);
    expect(b.append(chunk(0, "old\n"))).toBe("duplicate");
    expect(b.append(chunk(98, "xxtail line"))).toBe("appended");
    expect(b.lastLine()).toBe("tail line");
    expect(b.bytes).toBe(9);
  });

  it("searches case-insensitively what the reader sees, a line at most once", () => {
    const b = new LogBuffer();
    b.append(chunk(0, ["+ make -j4", "ERROR: error twice", "\x1b[1;31mErr\x1b[0mor in red", "50%\r100% Error done\r", "fine", "\x1b[31m1;31m\x1b[0m"].join("\n")));
    expect(b.search("error")).toEqual([1, 2, 3]);
    expect(b.search("error", 2)).toEqual([2, 3]);
    expect(b.search("50%")).toEqual([]); // overwritten by "\r"
    expect(b.search("31m")).toEqual([5]); // escape codes are not text
    expect(b.search("")).toEqual([]);
  });

  it("searches lines that straddle segments and matches a brute-force scan", () => {
    const b = new LogBuffer();
    let offset = 0;
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const words = ["alpha", "BETA", "gamma", "\x1b[32mbeta\x1b[0m", "δέλτα", "x".repeat(5000), "\r"];
    for (let c = 0; c < 400; c++) {
      let text = "";
      const n = 1 + Math.floor(rand() * 60);
      for (let i = 0; i < n; i++) text += words[Math.floor(rand() * words.length)] + (rand() < 0.3 ? "\n" : " ");
      const data = enc.encode(text);
      b.append({ offset, at: c, data });
      offset += data.length;
    }
    const all = lines(b);
    for (const q of ["beta", "ALPHA", "δέλτα", "a b", "xxxx", "zz"]) {
      const expected = all.flatMap((l, i) => (visibleText(l).toLowerCase().includes(q.toLowerCase()) ? [i] : []));
      expect(b.search(q)).toEqual(expected);
      expect(b.search(q, 50)).toEqual(expected.filter((i) => i >= 50));
    }
  });

  it("holds and searches a million lines", () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const b = new LogBuffer();
    const t0 = performance.now();
    let offset = 0;
    let n = 0;
    // ~64 KiB chunks like a replay; compiler-ish lines of ~70 bytes.
    while (n < 1_000_000) {
      let text = "";
      for (let i = 0; i < 900 && n < 1_000_000; i++, n++) {
        text += n % 50_000 === 0 ? `make[2]: *** [Makefile:${n}: all] Error 2\n` : `  CC      src/zookeeper/module_${n % 977}/file_${n}.o -O2 -Wall -fPIC\n`;
      }
      const data = enc.encode(text);
      b.append({ offset, at: 1_700_000_000_000 + n, data });
      offset += data.length;
    }
    const appendMs = performance.now() - t0;
    expect(b.lineCount).toBe(1_000_000);
    const t1 = performance.now();
    const hits = b.search("error 2");
    const searchMs = performance.now() - t1;
    const t2 = performance.now();
    const common = b.search("cc");
    const commonMs = performance.now() - t2;
    expect(hits.length).toBe(20);
    expect(common.length).toBe(999_980);
    expect(b.line(999_999)).toContain("file_999999.o");
    globalThis.gc?.();
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    console.log(
      `1M lines, ${(offset / 1024 / 1024).toFixed(1)} MiB: append ${appendMs.toFixed(0)} ms, search rare ${searchMs.toFixed(0)} ms, search common ${commonMs.toFixed(0)} ms, ` +
        `heap +${heapMb.toFixed(0)} MiB (${((heapMb * 1024 * 1024) / 1_000_000).toFixed(0)} B/line incl. ${(offset / 1_000_000).toFixed(0)} B/line of text)`,
    );
    expect(searchMs).toBeLessThan(1500); // generous for slow CI; see the printed numbers
  });
});
