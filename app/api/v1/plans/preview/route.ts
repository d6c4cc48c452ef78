import { apiRoute } from "@/lib/api/apiRoute";
import { previewPlan } from "@/lib/jobs/planRuns";
import type { PlanKind } from "@/lib/recipes/planKinds";
import { planImpact } from "@/lib/plans/planImpact";
import { planRequestSchema } from "@/lib/plans/planRequest";

/** The dry run: per node, the exact commands the plan would run. */
export const POST = apiRoute({ role: "viewer" }, async ({ body }) => {
  const req = await body(planRequestSchema);
  const plan = await previewPlan(req.plan as PlanKind, { nodeIds: req.nodeIds, components: req.components });
  return {
    plan: plan.kind,
    title: plan.title,
    warnings: plan.warnings,
    master: plan.master.name,
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
});
