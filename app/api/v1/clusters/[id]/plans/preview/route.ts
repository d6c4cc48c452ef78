import { apiRoute } from "@/lib/api/apiRoute";
import { clusterIdParam } from "@/lib/cluster/clusters";
import { previewPlan } from "@/lib/jobs/planRuns";
import { previewReply } from "@/lib/plans/planReplies";
import { planRequestSchema } from "@/lib/plans/planRequest";
import type { PlanKind } from "@/lib/recipes/planKinds";

/** The dry run on this cluster's nodes and settings. */
export const POST = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, body }) => {
  const clusterId = await clusterIdParam(params.id);
  const req = await body(planRequestSchema);
  return previewReply(await previewPlan(clusterId, req.plan as PlanKind, { nodeIds: req.nodeIds, components: req.components }), clusterId);
});
