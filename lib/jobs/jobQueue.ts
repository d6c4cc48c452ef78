import type { Job } from "../db/generated/client.ts";
import { db } from "../db/client.ts";
import { isFinal } from "./jobStatus.ts";

// The one place jobs are claimed. Today SQLite and one runner: a conditional update
// (status = 'queued' → 'running') is the claim. With PostgreSQL and several runners the same
// function becomes SELECT … FOR UPDATE SKIP LOCKED; callers do not change.

/**
 * Claims the jobs that may start now: queued, not cancelled, every dependency succeeded, and no
 * other mutating job running (or claimed in this round) on the same node.
 */
export async function claimRunnableJobs(runnerId: string, limit = 64): Promise<Job[]> {
  const queued = await db.job.findMany({
    // Probe jobs (preflight, verify) are run by lib/preflight in one channel per node, never here.
    where: { status: "queued", cancelRequested: false, kind: { not: "probe" } },
    orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
    take: 500,
  });
  if (queued.length === 0) return [];
  const depIds = [...new Set(queued.flatMap((j) => JSON.parse(j.dependsOn) as string[]))];
  const deps = new Map((await db.job.findMany({ where: { id: { in: depIds } }, select: { id: true, status: true } })).map((d) => [d.id, d.status]));
  const busyNodes = new Set(
    (await db.job.findMany({ where: { status: "running", mutating: true }, select: { nodeId: true } })).map((j) => j.nodeId),
  );

  const claimed: Job[] = [];
  for (const job of queued) {
    if (claimed.length >= limit) break;
    const ids = JSON.parse(job.dependsOn) as string[];
    if (!ids.every((id) => deps.get(id) === "succeeded")) continue;
    if (job.mutating && busyNodes.has(job.nodeId)) continue;
    // A claim starts a new attempt: its folder and start are the runner's to record afresh.
    const claim = { status: "running", claimedBy: runnerId, startedAt: new Date(), finishedAt: null, exitCode: null, failure: null, note: null, remoteDir: null, remoteStartedAt: null };
    const { count } = await db.job.updateMany({ where: { id: job.id, status: "queued", cancelRequested: false }, data: claim });
    if (count === 1) {
      claimed.push({ ...job, ...claim });
      if (job.mutating) busyNodes.add(job.nodeId);
    }
  }
  return claimed;
}

/** Queued jobs that can never run because a dependency ended badly become cancelled, with why. */
export async function cancelUnreachableJobs(): Promise<string[]> {
  const queued = await db.job.findMany({ where: { status: "queued" } });
  if (queued.length === 0) return [];
  const depIds = [...new Set(queued.flatMap((j) => JSON.parse(j.dependsOn) as string[]))];
  const deps = new Map((await db.job.findMany({ where: { id: { in: depIds } } })).map((d) => [d.id, d]));
  const changed: string[] = [];
  for (const job of queued) {
    const blocker = (JSON.parse(job.dependsOn) as string[]).map((id) => deps.get(id)).find((d) => d && isFinal(d.status) && d.status !== "succeeded");
    if (job.cancelRequested || blocker) {
      const failure = job.cancelRequested ? "Cancelled before it started" : `Not run: ${blocker!.stepId} on ${blocker!.nodeName} ${blocker!.status}`;
      const { count } = await db.job.updateMany({ where: { id: job.id, status: "queued" }, data: { status: "cancelled", failure, finishedAt: new Date() } });
      if (count) changed.push(job.id);
    }
  }
  return changed;
}

export async function runningJobsOf(runnerId?: string): Promise<Job[]> {
  return db.job.findMany({ where: { status: "running", kind: { not: "probe" }, ...(runnerId ? { claimedBy: runnerId } : {}) }, orderBy: { seq: "asc" } });
}
