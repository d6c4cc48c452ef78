import { db } from "../db/client.ts";
import { toPlanRunView, type PlanRunView } from "./jobViews.ts";

export async function listPlanRuns(limit: number): Promise<(PlanRunView & { counts: Record<string, number> })[]> {
  const runs = await db.planRun.findMany({ orderBy: { createdAt: "desc" }, take: limit, include: { jobs: { select: { status: true } } } });
  return runs.map((r) => ({
    ...toPlanRunView(r),
    counts: r.jobs.reduce<Record<string, number>>((acc, j) => ({ ...acc, [j.status]: (acc[j.status] ?? 0) + 1 }), {}),
  }));
}
