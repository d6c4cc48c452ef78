import { apiRoute } from "@/lib/api/apiRoute";
import { resolveClusterId } from "@/lib/cluster/clusters";
import { previewPlan } from "@/lib/jobs/planRuns";
import { runbookResponse } from "@/lib/plans/planReplies";
import { planQuerySchema } from "@/lib/plans/planRequest";
import type { PlanKind } from "@/lib/recipes/planKinds";

/** The dry run as a downloadable shell runbook (on ?cluster=<id>, else the first cluster). */
export const GET = apiRoute({ role: "viewer" }, async ({ query }) => {
  const req = query(planQuerySchema);
  const clusterId = await resolveClusterId(req.clusterId);
  return runbookResponse(await previewPlan(clusterId, req.plan as PlanKind, { nodeIds: req.nodeIds, components: req.components }));
});
