import { describe, expect, it } from "vitest";
import { palette256 } from "./ansiStyle";
import { formatDuration } from "./jobStatusStyle";
import { defaultJob, failuresInOrder, jobForNode, jobForStep, nodesInOrder, stepsInOrder, type JobLike } from "./jobChoice";
import { overwriteCarriageReturns, renderableText, visibleText } from "./logText";

const job = (seq: number, nodeName: string, stepId: string, status: string, started = status !== "queued"): JobLike => ({
  id: `${nodeName}-${stepId}`,
  seq,
  nodeName,
  stepId,
  title: stepId,
  status,
  startedAt: started ? "2026-01-01T00:00:00Z" : null,
});

describe("defaultJob", () => {
  it("prefers the running job, then the last failure, then the last job that ran", () => {
    expect(defaultJob([job(1, "m1", "a", "succeeded"), job(2, "m1", "b", "running"), job(3, "a1", "b", "running")])?.id).toBe("m1-b");
    expect(defaultJob([job(1, "m1", "a", "failed"), job(2, "m1", "b", "interrupted"), job(3, "m1", "c", "cancelled", false)])?.id).toBe("m1-b");
    expect(defaultJob([job(1, "m1", "a", "succeeded"), job(2, "m1", "b", "cancelled"), job(3, "m1", "c", "cancelled", false)])?.id).toBe("m1-b");
    expect(defaultJob([job(1, "m1", "a", "queued"), job(2, "m1", "b", "queued")])?.id).toBe("m1-a");
    expect(defaultJob([])).toBeNull();
  });
});

describe("plan run choices", () => {
  const jobs = [job(3, "a1", "install", "queued"), job(1, "m1", "install", "succeeded"), job(2, "m1", "zookeeper", "failed"), job(4, "a1", "agent", "queued")];
  it("orders nodes and steps by when they first run", () => {
    expect(nodesInOrder(jobs)).toEqual(["m1", "a1"]);
    expect(stepsInOrder(jobs).map((s) => s.stepId)).toEqual(["install", "zookeeper", "agent"]);
  });
  it("keeps the step when switching node if that node has it", () => {
    expect(jobForNode(jobs, "a1", "install")?.id).toBe("a1-install");
    expect(jobForNode(jobs, "m1", "agent")?.id).toBe("m1-zookeeper");
  });
  it("keeps the node when switching step if that node runs it", () => {
    expect(jobForStep(jobs, "install", "a1")?.id).toBe("a1-install");
    expect(jobForStep(jobs, "zookeeper", "a1")?.id).toBe("m1-zookeeper");
  });
});

describe("failures", () => {
  it("puts first the failure that ended first", () => {
    const a = { ...job(5, "a1", "build", "failed"), finishedAt: "2026-01-01T00:10:00Z" };
    const b = { ...job(2, "m1", "build", "interrupted"), finishedAt: "2026-01-01T00:05:00Z" };
    const c = job(1, "m1", "prep", "succeeded");
    expect(failuresInOrder([a, b, c]).map((j) => j.id)).toEqual(["m1-build", "a1-build"]);
  });
  it("formats durations from seconds to hours", () => {
    expect([4_400, 125_000, 3_725_000].map(formatDuration)).toEqual(["4s", "2m 05s", "1h 02m"]);
  });
});

describe("terminal text", () => {
  it("shows what a terminal would after carriage returns", () => {
    expect(overwriteCarriageReturns("10%\r50%\r100% done")).toBe("100% done");
    expect(overwriteCarriageReturns("windows line\r")).toBe("windows line");
    expect(visibleText("\x1b[32m50%\x1b[0m\r\x1b[32mdone\x1b[0m\x1b[K")).toBe("done");
    expect(renderableText("\x1b]0;title\x07\x1b[31mred")).toBe("\x1b[31mred");
  });
  it("maps xterm's 256 colours", () => {
    expect(palette256(196)).toBe("rgb(255, 0, 0)");
    expect(palette256(244)).toBe("rgb(128, 128, 128)");
  });
});
