import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

process.env.ARMDECK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "armdeck-logstore-"));
const { appendLog, headLog, lastLineStartingWith, logSize, readLog, tailLog } = await import("./logStore.ts");

describe("logStore", () => {
  beforeAll(() => {
    appendLog("job1", 0, Buffer.from("one\ntwo\n"), 1000);
    appendLog("job1", 8, Buffer.from("three\n"), 2000);
  });

  it("is offset-addressed and keeps each chunk's time", () => {
    expect(logSize("job1")).toBe(14);
    expect(readLog("job1", 0).map((c) => [c.offset, c.at, c.data.toString()])).toEqual([
      [0, 1000, "one\ntwo\n"],
      [8, 2000, "three\n"],
    ]);
    expect(readLog("job1", 4).map((c) => [c.offset, c.data.toString()])).toEqual([
      [4, "two\n"],
      [8, "three\n"],
    ]);
    expect(readLog("job1", 14)).toEqual([]);
  });

  it("trims a resent overlap and refuses a gap", () => {
    const appended = appendLog("job1", 8, Buffer.from("three\nfour\n"), 3000);
    expect(appended?.offset).toBe(14);
    expect(appended?.data.toString()).toBe("four\n");
    expect(appendLog("job1", 0, Buffer.from("one\n"))).toBeNull();
    expect(() => appendLog("job1", 100, Buffer.from("x"))).toThrow(/gap/);
    expect(fs.readFileSync(path.join(process.env.ARMDECK_DATA_DIR!, "job-logs", "job1.log"), "utf8")).toBe("one\ntwo\nthree\nfour\n");
  });

  it("tails the last lines", () => {
    expect(tailLog("job1", 2)).toBe("three\nfour");
  });

  it("finds the last traced command however much output follows it, across window edges", () => {
    const noise = Array.from({ length: 20_000 }, (_, i) => `g++ -c file${i}.cpp -o file${i}.o  # ünïcode`).join("\n");
    const log = `+ cd /opt/armdeck/mesos-1.11.0/build\n+ make -j4\n${noise}\nmake: *** [Makefile:1] Error 2\n`;
    appendLog("job2", 0, Buffer.from(log), 1000);
    expect(logSize("job2")).toBeGreaterThan(800 * 1024);
    expect(tailLog("job2", 400)).not.toContain("+ make");
    expect(lastLineStartingWith("job2", "+ ")).toBe("+ make -j4");
    // Small windows: lines cut at every edge are still read whole.
    expect(lastLineStartingWith("job2", "+ ", 32 * 1024 * 1024, 37)).toBe("+ make -j4");
    expect(lastLineStartingWith("job2", "+ c", 32 * 1024 * 1024, 37)).toBe("+ cd /opt/armdeck/mesos-1.11.0/build");
    expect(lastLineStartingWith("job2", "+ nothing")).toBeNull();
    expect(lastLineStartingWith("job2", "+ ", 64 * 1024)).toBeNull();
  });

  it("heads the first whole lines", () => {
    expect(headLog("job1")).toBe("one\ntwo\nthree\nfour\n");
    // A line cut by the byte limit is left out.
    expect(headLog("job2", 40)).toBe("+ cd /opt/armdeck/mesos-1.11.0/build");
    expect(headLog("job2", 48)).toBe("+ cd /opt/armdeck/mesos-1.11.0/build\n+ make -j4");
  });
});
