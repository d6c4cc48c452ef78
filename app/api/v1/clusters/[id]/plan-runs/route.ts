import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/apiRoute";
import { clusterIdParam } from "@/lib/cluster/clusters";
import { listPlanRuns } from "@/lib/jobs/listPlanRuns";
import { planRunFilterSchema } from "@/lib/jobs/planRunFilters";
import { createPlanRun } from "@/lib/jobs/planRuns";
import { planRunRequestSchema } from "@/lib/plans/planRequest";
import type { PlanKind } from "@/lib/recipes/planKinds";

type Params = { id: string };

export const GET = apiRoute<Params>({ role: "viewer" }, async ({ params, query }) => {
  const cluster = await clusterIdParam(params.id);
  return listPlanRuns({ ...query(planRunFilterSchema), cluster });
});

export const POST = apiRoute<Params>({ role: "operator" }, async ({ params, body, actor }) => {
  const clusterId = await clusterIdParam(params.id);
  const req = await body(planRunRequestSchema);
  const run = await createPlanRun(clusterId, req.plan as PlanKind, { nodeIds: req.nodeIds, components: req.components }, actor, { confirm: req.confirm });
  return NextResponse.json(run, { status: 201 });
});
