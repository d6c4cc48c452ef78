import type { MarathonDeployment } from "../marathon/marathonSchemas.ts";

// GET /api/v1/clusters/{id}/deployments: each deployment with its steps, which one runs, and per
// affected app what it is doing now, so a group deployment does not show every app "Deploying"
// to the end (marathon#3056).

export type StepState = "done" | "running" | "pending";

export interface DeploymentView {
  id: string;
  version: string | null;
  affectedApps: string[];
  /** 1-based; 0 while Marathon ≥ 1.5.14 lists a placeholder that has not started (audit §1.2). */
  currentStep: number;
  totalSteps: number;
  started: boolean;
  steps: { number: number; state: StepState; actions: { action: string; app: string | null }[] }[];
  currentActions: { action: string; app: string | null }[];
}

export function deploymentView(d: MarathonDeployment): DeploymentView {
  // Marathon writes totalSteps = steps.size; trust the steps when a reply disagrees (a doc slip).
  const totalSteps = d.steps.length || d.totalSteps;
  const current = Math.min(d.currentStep, totalSteps);
  return {
    id: d.id,
    version: d.version ?? null,
    affectedApps: [...d.affectedApps].sort(),
    currentStep: current,
    totalSteps,
    started: current > 0,
    steps: d.steps.map((s, i) => ({
      number: i + 1,
      state: i + 1 < current ? "done" : i + 1 === current ? "running" : "pending",
      actions: s.actions.map((a) => ({ action: a.action, app: a.app ?? a.pod ?? null })),
    })),
    currentActions: d.currentActions.map((a) => ({ action: a.action, app: a.app ?? a.pod ?? null })),
  };
}

export function deploymentsView(list: MarathonDeployment[]): { deployments: DeploymentView[] } {
  return { deployments: list.map(deploymentView).sort((a, b) => (a.version ?? "").localeCompare(b.version ?? "") || a.id.localeCompare(b.id)) };
}
