import { db } from "../db/client.ts";
import { NotFoundError } from "../errors.ts";
import { toJobView, type JobView } from "./jobViews.ts";
import { tailLog } from "./logStore.ts";

export async function getJob(id: string): Promise<{ job: JobView; script: string; lastLines: string }> {
  const job = await db.job.findUnique({ where: { id } });
  if (!job) throw new NotFoundError("Job");
  return { job: toJobView(job), script: job.script, lastLines: tailLog(job.id, 40) };
}
