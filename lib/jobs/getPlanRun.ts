import { db } from "../db/client.ts";
import { NotFoundError } from "../errors.ts";
import { toJobView, toPlanRunView, type JobView, type PlanRunView } from "./jobViews.ts";

export async function getPlanRun(id: string): Promise<{ run: PlanRunView; jobs: JobView[] }> {
  const run = await db.planRun.findUnique({ where: { id }, include: { jobs: { orderBy: { seq: "asc" } } } });
  if (!run) throw new NotFoundError("Plan run");
  return { run: toPlanRunView(run), jobs: run.jobs.map(toJobView) };
}
