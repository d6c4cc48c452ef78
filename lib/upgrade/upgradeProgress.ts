import { GATE_STEP_ID, ROLLING_STEP } from "./stepIds.ts";

// Client-safe: an upgrade run's progress node by node, from its jobs (the run page).

interface JobLike {
  seq: number;
  nodeName: string;
  stepId: string;
  status: string;
  failure: string | null;
}

export type NodeUpgradeState = "upgraded" | "upgrading" | "stopped" | "waiting" | "untouched";

export interface UpgradeProgress {
  build: { done: number; total: number; failed: number };
  nodes: { nodeName: string; state: NodeUpgradeState; failure: string | null }[];
}

/** Nodes in the rolling order (their gates' order); a node whose jobs were cancelled before any ran kept its old version. */
export function upgradeProgress(jobs: readonly JobLike[]): UpgradeProgress {
  const build = jobs.filter((j) => !ROLLING_STEP(j.stepId));
  const gates = jobs.filter((j) => j.stepId === GATE_STEP_ID).sort((a, b) => a.seq - b.seq);
  const nodes = gates.map((gate) => {
    const own = jobs.filter((j) => j.nodeName === gate.nodeName && ROLLING_STEP(j.stepId));
    const failed = own.find((j) => j.status === "failed" || j.status === "interrupted");
    let state: NodeUpgradeState;
    if (gate.status === "succeeded") state = "upgraded";
    else if (failed) state = "stopped";
    else if (own.some((j) => j.status === "running" || j.status === "succeeded")) state = "upgrading";
    else if (own.every((j) => j.status === "cancelled")) state = "untouched";
    else state = "waiting";
    return { nodeName: gate.nodeName, state, failure: failed?.failure ?? null };
  });
  return {
    build: { done: build.filter((j) => j.status === "succeeded").length, total: build.length, failed: build.filter((j) => j.status === "failed").length },
    nodes,
  };
}
