import { db } from "../db/client.ts";
import { NotFoundError } from "../errors.ts";
import { toJobView, toPlanRunView, type JobView, type PlanRunView } from "./jobViews.ts";
import { statusReportOf, type StatusReport } from "./statusReport.ts";

export async function getPlanRun(id: string): Promise<{ run: PlanRunView; jobs: JobView[]; report: StatusReport | null }> {
  const run = await db.planRun.findUnique({ where: { id }, include: { jobs: { orderBy: { seq: "asc" } } } });
  if (!run) throw new NotFoundError("Plan run");
  const jobs = run.jobs.map(toJobView);
  return { run: toPlanRunView(run), jobs, report: statusReportOf(jobs) };
}
