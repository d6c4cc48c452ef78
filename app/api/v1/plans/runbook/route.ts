import { apiRoute } from "@/lib/api/apiRoute";
import { previewPlan } from "@/lib/jobs/planRuns";
import { planQuerySchema } from "@/lib/plans/planRequest";
import { renderRunbook } from "@/lib/plans/renderRunbook";
import type { PlanKind } from "@/lib/recipes/planKinds";

/** The dry run as a downloadable shell runbook. */
export const GET = apiRoute({ role: "viewer" }, async ({ query }) => {
  const req = query(planQuerySchema);
  const plan = await previewPlan(req.plan as PlanKind, { nodeIds: req.nodeIds, components: req.components });
  return new Response(renderRunbook(plan), {
    headers: { "Content-Type": "text/x-shellscript; charset=utf-8", "Content-Disposition": `attachment; filename="armdeck-${plan.kind}.sh"`, "Cache-Control": "no-store" },
  });
});
