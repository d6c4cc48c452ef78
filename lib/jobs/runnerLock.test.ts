import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { takeRunnerLock } from "./runnerLock.ts";

describe("runner lock", () => {
  it("is held by one taker at a time and says who holds it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "armdeck-runnerlock-"));
    const first = takeRunnerLock(dir);
    expect(first.held).toBe(true);
    const second = takeRunnerLock(dir);
    expect(second).toMatchObject({ held: false, holderPid: process.pid });
    expect(!second.held && second.message).toBe(
      `another Armdeck (pid ${process.pid}) runs jobs from data dir ${dir}; this one will not start. Stop it first, or give this one its own ARMDECK_DATA_DIR.`,
    );
    // Closing the refused connection must not drop the holder's lock (POSIX locks are per process).
    expect(takeRunnerLock(dir).held).toBe(false);
    if (first.held) first.release();
    expect(takeRunnerLock(dir).held).toBe(true);
  });
});
