import type { ClusterSettings } from "../cluster/clusterSettingsSchema.ts";
import { settingsWarnings } from "../cluster/clusterSettingsSchema.ts";
import { ConflictError } from "../errors.ts";
import { buildSteps, prepareSteps, startSteps, statusSteps, stopSteps } from "../recipes/catalog.ts";
import type { PlanKind } from "../recipes/planKinds.ts";
import { PLANS } from "../recipes/planKinds.ts";
import { masterCountVerdict } from "../cluster/masterCount.ts";
import { mastersInOrder, recipeContext } from "../recipes/recipeContext.ts";
import { planTopology, type PlanTopology } from "./planTopology.ts";
import type { ComponentId, RecipeNode, StepDef } from "../recipes/recipeTypes.ts";
import { stepScript } from "../recipes/stepScript.ts";

export interface PlanScope {
  nodeIds?: string[];
  components?: ComponentId[];
}

export interface PlannedJob {
  key: string;
  seq: number;
  node: RecipeNode;
  step: StepDef;
  script: string;
  dependsOn: string[];
}

export interface Plan {
  kind: PlanKind;
  title: string;
  /** Every master, in ensemble order (the first is ZooKeeper id 1). */
  masters: RecipeNode[];
  topology: PlanTopology;
  nodes: RecipeNode[];
  jobs: PlannedJob[];
  warnings: string[];
  /** Lines in words the dry run and the runbook show above the jobs (an upgrade's phases and order). */
  outline?: string[];
}

function stepsFor(kind: PlanKind): StepDef[] {
  switch (kind) {
    case "prepare":
      return prepareSteps;
    case "build":
      return buildSteps;
    case "start":
      return startSteps();
    case "stop":
      return stopSteps();
    case "status":
      return statusSteps();
    case "restart":
      return [...stopSteps(), ...startSteps()];
    case "bring-up":
      return [...prepareSteps, ...buildSteps, ...startSteps()];
    case "upgrade":
      throw new PlanError("An upgrade is planned from what each node runs (lib/upgrade/upgradePlan.ts), not from the runbook's steps");
  }
}

export class PlanError extends ConflictError {}

/**
 * Turns the runbook into jobs: one per step per node it applies to, each depending on the same
 * step ids on its own node when that node runs them, or on every node that does otherwise.
 */
export function buildPlan(kind: PlanKind, settings: ClusterSettings, nodes: RecipeNode[], scope: PlanScope = {}): Plan {
  const masters = mastersInOrder(nodes);
  const verdict = masterCountVerdict(masters.length);
  if (!verdict.ok) throw new PlanError(masters.length ? `${verdict.reason} (masters: ${masters.map((m) => m.name).join(", ")})` : verdict.reason);
  const agents = nodes.filter((n) => n.isAgent);
  const warnings = [...settingsWarnings(settings)];
  if (agents.length === 0) warnings.push("No node has the agent role: Mesos will have no resources to offer.");
  for (const m of masters.filter((n) => n.isAgent)) warnings.push(`${m.name} runs both the master and an agent: the runbook warns this is a security trade-off for production.`);

  const inScope = (n: RecipeNode) => !scope.nodeIds?.length || scope.nodeIds.includes(n.id);
  const steps = stepsFor(kind).filter((s) => !scope.components?.length || scope.components.includes(s.component));
  const title = PLANS[kind].title;

  const jobs: PlannedJob[] = [];
  let seq = 0;
  for (const step of steps) {
    const targets = step.where === "master" ? masters : step.where === "agents" ? agents : nodes;
    for (const node of targets.filter(inScope)) {
      const ctx = recipeContext(settings, node, nodes);
      if (step.appliesTo && !step.appliesTo(ctx)) continue;
      jobs.push({ key: `${node.id}:${step.id}`, seq: seq++, node, step, script: stepScript(step, ctx, title), dependsOn: [] });
    }
  }

  const byStep = new Map<string, PlannedJob[]>();
  for (const job of jobs) byStep.set(job.step.id, [...(byStep.get(job.step.id) ?? []), job]);
  for (const job of jobs) {
    const deps = new Set<string>();
    const after = [...job.step.after];
    // Restart: a service starts again only after it stopped on the same node.
    if (kind === "restart" && job.step.id.endsWith(".start")) after.push(job.step.id.replace(/\.start$/, ".stop"));
    for (const id of after) {
      const candidates = byStep.get(id) ?? [];
      const sameNode = candidates.filter((c) => c.node.id === job.node.id);
      for (const dep of sameNode.length ? sameNode : candidates) deps.add(dep.key);
    }
    for (const id of job.step.afterEverywhere ?? []) for (const dep of byStep.get(id) ?? []) deps.add(dep.key);
    deps.delete(job.key);
    job.dependsOn = [...deps];
  }
  return { kind, title, masters, topology: planTopology(nodes, settings.zookeeperPort), nodes, jobs: topologicalOrder(jobs), warnings };
}

/** Orders jobs so each comes after its dependencies (stable otherwise) and renumbers seq. */
function topologicalOrder(jobs: PlannedJob[]): PlannedJob[] {
  const done = new Set<string>();
  const ordered: PlannedJob[] = [];
  let pending = [...jobs];
  while (pending.length) {
    const ready = pending.filter((j) => j.dependsOn.every((d) => done.has(d)));
    if (ready.length === 0) throw new Error(`Recipe steps depend on each other in a cycle: ${pending.map((j) => j.key).join(", ")}`);
    for (const j of ready) done.add(j.key);
    ordered.push(...ready);
    pending = pending.filter((j) => !done.has(j.key));
  }
  return ordered.map((j, seq) => ({ ...j, seq }));
}
