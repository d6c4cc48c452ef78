import type { Plan } from "./buildPlan.ts";
import { planImpact } from "./planImpact.ts";
import { renderRunbook } from "./renderRunbook.ts";

// What the dry-run and runbook routes send, shared by the per-cluster routes and the older ones.

export function previewReply(plan: Plan, clusterId: number) {
  return {
    clusterId,
    plan: plan.kind,
    title: plan.title,
    warnings: plan.warnings,
    topology: plan.topology,
    outline: plan.outline ?? [],
    ...("upgrade" in plan ? { upgrade: plan.upgrade } : {}),
    impact: planImpact(plan),
    jobs: plan.jobs.map((j) => ({
      key: j.key,
      seq: j.seq,
      nodeId: j.node.id,
      nodeName: j.node.name,
      stepId: j.step.id,
      title: j.step.title,
      component: j.step.component,
      dependsOn: j.dependsOn,
      script: j.script,
    })),
  };
}

export function runbookResponse(plan: Plan): Response {
  return new Response(renderRunbook(plan), {
    headers: { "Content-Type": "text/x-shellscript; charset=utf-8", "Content-Disposition": `attachment; filename="armdeck-${plan.kind}.sh"`, "Cache-Control": "no-store" },
  });
}
