import { apiRoute } from "@/lib/api/apiRoute";
import { resolveClusterId } from "@/lib/cluster/clusters";
import { previewPlan } from "@/lib/jobs/planRuns";
import { previewReply } from "@/lib/plans/planReplies";
import { planRequestSchema } from "@/lib/plans/planRequest";
import type { PlanKind } from "@/lib/recipes/planKinds";

/** The dry run: per node, the exact commands the plan would run (on body.clusterId, else the first cluster). */
export const POST = apiRoute({ role: "viewer" }, async ({ body }) => {
  const req = await body(planRequestSchema);
  const clusterId = await resolveClusterId(req.clusterId);
  return previewReply(await previewPlan(clusterId, req.plan as PlanKind, { nodeIds: req.nodeIds, components: req.components }), clusterId);
});
