// The log store on a real full filesystem (a 1 MiB tmpfs, mounted as root): a write cut short
// must not leave a torn line-time record that later reads as a time in 1970.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), "armdeck-full-"));
execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint]);
process.env.ARMDECK_DATA_DIR = mountPoint;
const { appendLog, LogWriteError, readLog } = await import("./logStore.ts");

afterAll(() => {
  execFileSync("umount", [mountPoint]);
  fs.rmdirSync(mountPoint);
});

function fillDisk(file: string): void {
  const block = Buffer.alloc(4096, 1);
  const fd = fs.openSync(file, "w");
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  } finally {
    fs.closeSync(fd);
  }
}

describe("log store on a full disk", () => {
  it("keeps every line time true across a failed append", async () => {
    const T0 = 1_700_000_000_000;
    const times = new Set<number>();
    let offset = 0;
    const append = (i: number) => {
      const data = Buffer.from(`line ${i}\n`);
      times.add(T0 + i);
      const chunk = appendLog("full1", offset, data, T0 + i);
      offset = chunk!.offset + chunk!.data.length;
    };
    append(0);
    const filler = path.join(mountPoint, "filler");
    fillDisk(filler);
    // Small chunks fit the pages the files already have, until one needs a new page: the index
    // (the faster-growing file) fills first, so its record is cut short.
    let failure: unknown = null;
    for (let i = 1; i < 10_000 && !failure; i++) {
      try {
        append(i);
      } catch (error) {
        failure = error;
      }
    }
    expect(failure).toBeInstanceOf(LogWriteError);
    expect(String(failure)).toMatch(/ENOSPC/);

    fs.rmSync(filler);
    for (let i = 20_000; i < 20_010; i++) {
      offset = fs.statSync(path.join(mountPoint, "job-logs", "full1.log")).size; // resend from what is stored
      append(i);
    }
    const chunks = readLog("full1", 0);
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(times.has(c.at), `chunk at ${c.offset} has time ${c.at}`).toBe(true);
    expect(chunks.at(-1)!.data.toString()).toBe("line 20009\n");
  });
});
