import { apiRoute } from "@/lib/api/apiRoute";
import { clusterIdParam } from "@/lib/cluster/clusters";
import { previewPlan } from "@/lib/jobs/planRuns";
import { runbookResponse } from "@/lib/plans/planReplies";
import { planQuerySchema } from "@/lib/plans/planRequest";
import type { PlanKind } from "@/lib/recipes/planKinds";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, query }) => {
  const clusterId = await clusterIdParam(params.id);
  const req = query(planQuerySchema);
  return runbookResponse(await previewPlan(clusterId, req.plan as PlanKind, { nodeIds: req.nodeIds, components: req.components }));
});
