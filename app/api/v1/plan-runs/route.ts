import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/apiRoute";
import { listPlanRuns } from "@/lib/jobs/listPlanRuns";
import { planRunsQuerySchema } from "@/lib/jobs/planRunsQuery";
import { createPlanRun } from "@/lib/jobs/planRuns";
import { planRequestSchema } from "@/lib/plans/planRequest";
import type { PlanKind } from "@/lib/recipes/planKinds";

export const GET = apiRoute({ role: "viewer" }, async ({ query }) => {
  const { limit } = query(planRunsQuerySchema);
  return { runs: await listPlanRuns(limit) };
});

export const POST = apiRoute({ role: "operator" }, async ({ body, actor }) => {
  const req = await body(planRequestSchema);
  const run = await createPlanRun(req.plan as PlanKind, { nodeIds: req.nodeIds, components: req.components }, actor);
  return NextResponse.json(run, { status: 201 });
});
