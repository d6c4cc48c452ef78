import { COMPONENT_LABELS } from "../recipes/componentLabels.ts";
import { COMPONENTS, type ComponentId } from "../recipes/recipeTypes.ts";
import type { Plan } from "./buildPlan.ts";

/** What a plan would change: the confirmation dialog and the API's refusal both say this. */
export interface PlanImpact {
  /** False for plans that only look (Status): they need no confirmation. */
  changesNodes: boolean;
  steps: number;
  nodes: { id: string; name: string; address: string }[];
  components: { id: ComponentId; label: string }[];
}

export function planImpact(plan: Plan): PlanImpact {
  const changing = plan.jobs.filter((j) => j.step.mutating);
  const nodes = new Map(changing.map((j) => [j.node.id, { id: j.node.id, name: j.node.name, address: j.node.address }]));
  const components = new Set(changing.map((j) => j.step.component));
  return {
    changesNodes: changing.length > 0,
    steps: plan.jobs.length,
    nodes: [...nodes.values()],
    components: COMPONENTS.filter((c) => components.has(c)).map((id) => ({ id, label: COMPONENT_LABELS[id] })),
  };
}

/** "Bring up cluster changes 2 nodes (m1 192.0.2.1, a1 192.0.2.2): Prerequisites, Mesos build in 30 steps." */
export function describeImpact(title: string, impact: PlanImpact): string {
  const nodes = impact.nodes.map((n) => `${n.name} ${n.address}`).join(", ");
  const components = impact.components.map((c) => c.label).join(", ");
  return `${title} changes ${impact.nodes.length} node(s) (${nodes}): ${components}, in ${impact.steps} step(s)`;
}
