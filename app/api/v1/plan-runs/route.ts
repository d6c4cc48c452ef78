import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/apiRoute";
import { resolveClusterId } from "@/lib/cluster/clusters";
import { listPlanRuns } from "@/lib/jobs/listPlanRuns";
import { planRunFilterSchema } from "@/lib/jobs/planRunFilters";
import { createPlanRun } from "@/lib/jobs/planRuns";
import { planRunRequestSchema } from "@/lib/plans/planRequest";
import type { PlanKind } from "@/lib/recipes/planKinds";

export const GET = apiRoute({ role: "viewer" }, async ({ query }) => listPlanRuns(query(planRunFilterSchema)));

/** Starts a plan on body.clusterId, else the first cluster. */
export const POST = apiRoute({ role: "operator" }, async ({ body, actor }) => {
  const req = await body(planRunRequestSchema);
  const clusterId = await resolveClusterId(req.clusterId);
  const run = await createPlanRun(clusterId, req.plan as PlanKind, { nodeIds: req.nodeIds, components: req.components }, actor, { confirm: req.confirm });
  return NextResponse.json(run, { status: 201 });
});
