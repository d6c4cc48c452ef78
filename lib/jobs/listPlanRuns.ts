import { db } from "../db/client.ts";
import { toJobView, toPlanRunView, type JobView, type PlanRunView } from "./jobViews.ts";
import { NotFoundError } from "../errors.ts";
import { tailLog } from "./logStore.ts";

export async function listPlanRuns(limit: number): Promise<(PlanRunView & { counts: Record<string, number> })[]> {
  const runs = await db.planRun.findMany({ orderBy: { createdAt: "desc" }, take: limit, include: { jobs: { select: { status: true } } } });
  return runs.map((r) => ({
    ...toPlanRunView(r),
    counts: r.jobs.reduce<Record<string, number>>((acc, j) => ({ ...acc, [j.status]: (acc[j.status] ?? 0) + 1 }), {}),
  }));
}

export async function getPlanRun(id: string): Promise<{ run: PlanRunView; jobs: JobView[] }> {
  const run = await db.planRun.findUnique({ where: { id }, include: { jobs: { orderBy: { seq: "asc" } } } });
  if (!run) throw new NotFoundError("Plan run");
  return { run: toPlanRunView(run), jobs: run.jobs.map(toJobView) };
}

export async function getJob(id: string): Promise<{ job: JobView; script: string; lastLines: string }> {
  const job = await db.job.findUnique({ where: { id } });
  if (!job) throw new NotFoundError("Job");
  return { job: toJobView(job), script: job.script, lastLines: tailLog(job.id, 40) };
}
