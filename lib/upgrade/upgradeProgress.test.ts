import { describe, expect, it } from "vitest";
import { upgradeProgress } from "./upgradeProgress.ts";

let seq = 0;
const job = (nodeName: string, stepId: string, status: string, failure: string | null = null) => ({ seq: seq++, nodeName, stepId, status, failure });

describe("upgradeProgress", () => {
  it("reads the run node by node in gate order: upgraded, stopped with its failure, untouched", () => {
    const jobs = [
      job("m", "mesos.make", "succeeded"),
      job("a1", "mesos.make", "succeeded"),
      job("a2", "mesos.make", "succeeded"),
      job("a1", "mesos-agent.stop", "succeeded"),
      job("a1", "mesos.install", "succeeded"),
      job("a1", "mesos-agent.start", "succeeded"),
      job("a1", "upgrade.gate", "succeeded"),
      job("a2", "mesos-agent.stop", "succeeded"),
      job("a2", "mesos.install", "succeeded"),
      job("a2", "mesos-agent.start", "failed", "Exit code 1 from: … Roll back a2: sh '/x.sh'"),
      job("a2", "upgrade.gate", "cancelled"),
      job("m", "marathon.stop", "cancelled"),
      job("m", "upgrade.gate", "cancelled"),
    ];
    expect(upgradeProgress(jobs)).toEqual({
      build: { done: 3, total: 3, failed: 0 },
      nodes: [
        { nodeName: "a1", state: "upgraded", failure: null },
        { nodeName: "a2", state: "stopped", failure: "Exit code 1 from: … Roll back a2: sh '/x.sh'" },
        { nodeName: "m", state: "untouched", failure: null },
      ],
    });
  });

  it("says which node is upgrading and which wait", () => {
    const jobs = [job("a1", "mesos-agent.stop", "running"), job("a1", "upgrade.gate", "queued"), job("m", "marathon.stop", "queued"), job("m", "upgrade.gate", "queued")];
    expect(upgradeProgress(jobs).nodes.map((n) => n.state)).toEqual(["upgrading", "waiting"]);
  });
});
