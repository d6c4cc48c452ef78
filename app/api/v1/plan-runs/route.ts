import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/apiRoute";
import { listPlanRuns } from "@/lib/jobs/listPlanRuns";
import { createPlanRun } from "@/lib/jobs/planRuns";
import { planRequestSchema } from "@/lib/plans/planRequest";
import type { PlanKind } from "@/lib/recipes/planKinds";

export const GET = apiRoute({ role: "viewer" }, async ({ query }) => {
  const { limit } = query(z.object({ limit: z.coerce.number().int().min(1).max(200).default(30) }));
  return { runs: await listPlanRuns(limit) };
});

export const POST = apiRoute({ role: "operator" }, async ({ body, actor }) => {
  const req = await body(planRequestSchema);
  const run = await createPlanRun(req.plan as PlanKind, { nodeIds: req.nodeIds, components: req.components }, actor);
  return NextResponse.json(run, { status: 201 });
});
