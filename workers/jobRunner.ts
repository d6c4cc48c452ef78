import type { Job, Prisma } from "../lib/db/generated/client.ts";
import { db } from "../lib/db/client.ts";
import { env } from "../lib/env.ts";
import { cancelUnreachableJobs, claimRunnableJobs, runningJobsOf } from "../lib/jobs/jobQueue.ts";
import { toJobEvent } from "../lib/jobs/jobViews.ts";
import { publishJobUpdate, publishLogChunk } from "../lib/jobs/logPublisher.ts";
import { exitOutcome } from "../lib/jobs/exitOutcome.ts";
import { LogAppender, LogWriteError, logSize } from "../lib/jobs/logStore.ts";
import { refreshPlanRunStatus } from "../lib/jobs/planRuns.ts";
import { crashPoint } from "../lib/jobs/crashPoint.ts";
import { cancelRemoteJob, inspectRemoteJob, remoteJobDir, runAndFollow, type FollowOutcome } from "../lib/jobs/remoteJob.ts";
import { RemoteJobFolderGoneError } from "../lib/jobs/remoteJobErrors.ts";
import { onRunnerWake } from "../lib/jobs/runnerSignal.ts";
import { clusterSettingsSchema } from "../lib/cluster/clusterSettingsSchema.ts";
import { logger } from "../lib/logger.ts";
import { sharedConnectionPool } from "../lib/ssh/sharedPool.ts";
import { SshError } from "../lib/ssh/sshErrors.ts";

export interface JobRunnerOptions {
  runnerId?: string;
  pollMs?: number;
  /** How long a running job waits for its node to come back before it is marked interrupted. */
  reconnectForMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Claims jobs, starts them detached on their nodes, follows their output into the log store and
 * to browsers, and finishes them from the exit status the node wrote. On start it reattaches to
 * jobs a previous process left running.
 */
export class JobRunner {
  private readonly pool = sharedConnectionPool();
  private readonly active = new Map<string, Promise<void>>();
  private readonly cancelling = new Set<string>();
  private readonly runnerId: string;
  private readonly pollMs: number;
  private readonly reconnectForMs: number;
  private stopped = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(options: JobRunnerOptions = {}) {
    this.runnerId = options.runnerId ?? `runner-${process.pid}`;
    this.pollMs = options.pollMs ?? 1000;
    this.reconnectForMs = options.reconnectForMs ?? 15 * 60_000;
  }

  async start(): Promise<void> {
    onRunnerWake(() => this.wake?.());
    // One runner today: every job still marked running was ours before a restart.
    for (const job of await runningJobsOf()) {
      logger.info({ job: job.id, step: job.stepId, node: job.nodeName }, "reattaching to a running job");
      this.track(job, true);
    }
    this.loop = this.run();
  }

  /** Stops claiming and following; remote steps keep running and are reattached on next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    this.pool.closeAll();
    await this.loop;
    await Promise.allSettled([...this.active.values()]);
  }

  /** For tests: resolves when no job is queued or running. */
  async idle(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const open = await db.job.count({ where: { status: { in: ["queued", "running"] } } });
      if (open === 0 && this.active.size === 0) return;
      await sleep(100);
    }
    throw new Error("jobs still open");
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.tick();
      } catch (error) {
        logger.error({ err: error }, "job runner tick failed");
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async tick(): Promise<void> {
    // A chain of dependents of a failed job is cancelled a level per round; rounds are cheap.
    for (let i = 0; i < 50; i++) {
      const changed = await cancelUnreachableJobs();
      if (changed.length === 0) break;
      for (const id of changed) await this.publish(id);
    }
    for (const job of await db.job.findMany({ where: { status: "running", cancelRequested: true } })) {
      if (this.active.has(job.id) && !this.cancelling.has(job.id)) {
        this.cancelling.add(job.id);
        void this.cancelRemote(job).finally(() => this.cancelling.delete(job.id));
      }
    }
    for (const job of await claimRunnableJobs(this.runnerId)) this.track(job, false);
    const runs = await db.planRun.findMany({ where: { status: { in: ["queued", "running"] } }, select: { id: true } });
    for (const r of runs) await refreshPlanRunStatus(r.id);
  }

  private track(job: Job, reattach: boolean): void {
    if (this.active.has(job.id)) return;
    const done = this.execute(job, reattach)
      .catch((error) => logger.error({ err: error, job: job.id }, "job execution failed"))
      .finally(() => {
        this.active.delete(job.id);
        this.wake?.();
      });
    this.active.set(job.id, done);
  }

  private async execute(job: Job, reattach: boolean): Promise<void> {
    const node = await db.node.findUnique({ where: { id: job.nodeId } });
    if (!node) return this.finish(job.id, "failed", null, "The node was deleted");
    const run = await db.planRun.findUniqueOrThrow({ where: { id: job.planRunId } });
    const settings = clusterSettingsSchema.parse(JSON.parse(run.settings));
    const timeoutMs = env().ARMDECK_SSH_TIMEOUT_MS;

    // A fresh job gets its folder recorded before anything runs. Until the node confirms the step
    // started, every attempt to follow it sends the start too: the node starts a step at most once
    // per folder, so a crash anywhere between claim and start neither loses nor repeats the step.
    let dir = job.remoteDir;
    if (!reattach || !dir) {
      crashPoint("job-claimed");
      dir = remoteJobDir(settings.armdeckDir, node.username, job.id, job.attempt);
      const attemptLogStart = logSize(job.id);
      await db.job.update({ where: { id: job.id }, data: { remoteDir: dir, attemptLogStart } });
      job = { ...job, remoteDir: dir, attemptLogStart };
      await this.publish(job.id);
      crashPoint("job-folder-recorded");
    }
    let mustStart = !job.remoteStartedAt;
    const start = {
      script: job.script,
      username: node.username,
      onStarted: () => {
        crashPoint("job-started-on-node");
        mustStart = false;
        void db.job.update({ where: { id: job.id }, data: { remoteStartedAt: new Date() } }).catch((error) => logger.warn({ err: error, job: job.id }, "could not record the step's start"));
      },
    };

    let lostSince: number | null = null;
    let lastSizeWrite = 0;
    for (;;) {
      if (this.stopped) return;
      try {
        const client = await this.pool.get(node.id);
        if (lostSince !== null) {
          lostSince = null;
          await db.job.update({ where: { id: job.id }, data: { note: null } });
          await this.publish(job.id);
        }
        const log = new LogAppender(job.id);
        let outcome: FollowOutcome;
        try {
          outcome = await runAndFollow(
            client,
            dir!,
            log.size - job.attemptLogStart,
            (data) => {
              const chunk = log.append(log.size, data);
              if (!chunk) return;
              publishLogChunk(job.id, chunk);
              if (Date.now() - lastSizeWrite > 1000) {
                lastSizeWrite = Date.now();
                void db.job.update({ where: { id: job.id }, data: { logSize: log.size } }).catch(() => undefined);
              }
            },
            mustStart ? start : undefined,
          );
        } finally {
          log.close();
        }
        const fresh = await db.job.findUniqueOrThrow({ where: { id: job.id } });
        if (outcome.exitCode !== null) {
          if (fresh.cancelRequested && outcome.exitCode !== 0) return this.finish(job.id, "cancelled", outcome.exitCode, "Cancelled");
          return this.finishExited(job, outcome.exitCode);
        }
        const state = await inspectRemoteJob(client, dir!, timeoutMs);
        if (state.state === "running") continue; // the follower ended early (e.g. tail was killed): follow again
        if (state.state === "exited") {
          return this.finishExited(job, state.code);
        }
        return this.finish(
          job.id,
          fresh.cancelRequested ? "cancelled" : "interrupted",
          null,
          fresh.cancelRequested ? "Cancelled" : "The step's process disappeared without an exit status (node rebooted or process killed)",
        );
      } catch (error) {
        if (this.stopped) return;
        // The dashboard's own disk says nothing about the node's connection, which other jobs share.
        if (!(error instanceof LogWriteError)) this.pool.drop(node.id);
        if (error instanceof SshError && error.kind === "host_key_changed") {
          return this.finish(job.id, "interrupted", null, error.message);
        }
        if (error instanceof RemoteJobFolderGoneError) {
          return this.finish(job.id, "interrupted", null, `The step's folder ${error.dir} is gone from ${node.name}`);
        }
        lostSince ??= Date.now();
        if (Date.now() - lostSince > this.reconnectForMs) {
          return this.finish(job.id, "interrupted", null, `Lost the connection to ${node.name} for ${Math.round(this.reconnectForMs / 60000)} min; the step may still run there.`);
        }
        // A log write that failed (dashboard disk full) is retried like a lost connection: the
        // follow starts again from the stored size, so no byte is skipped once there is room.
        const note =
          error instanceof LogWriteError
            ? `${error.message}; retrying…`
            : `Connection to ${node.name} lost (${error instanceof Error ? error.message : error}); reconnecting…`;
        await db.job.update({ where: { id: job.id }, data: { note } }).catch(() => undefined);
        await this.publish(job.id);
        await sleep(1000);
      }
    }
  }

  private async cancelRemote(job: Job): Promise<void> {
    if (!job.remoteDir) return;
    const node = await db.node.findUnique({ where: { id: job.nodeId } });
    if (!node) return;
    try {
      await cancelRemoteJob(await this.pool.get(node.id), job.remoteDir, node.username, env().ARMDECK_SSH_TIMEOUT_MS);
    } catch (error) {
      logger.warn({ err: error, job: job.id }, "cancel failed; will try again");
    }
  }

  /** A step passes or fails by its exit code; a status probe ends as the report it printed. */
  private finishExited(job: Job, exitCode: number): Promise<void> {
    const { status, failure, serviceState, report } = exitOutcome(job, exitCode);
    return this.finish(job.id, status, exitCode, failure, { serviceState, report });
  }

  private async finish(jobId: string, status: string, exitCode: number | null, failure: string | null, found: Pick<Prisma.JobUpdateInput, "serviceState" | "report"> = {}): Promise<void> {
    const job = await db.job.update({
      where: { id: jobId },
      data: { status, exitCode, failure, note: null, finishedAt: new Date(), logSize: logSize(jobId), ...found },
    });
    publishJobUpdate(toJobEvent(job));
    await refreshPlanRunStatus(job.planRunId);
    this.wake?.();
  }

  private async publish(jobId: string): Promise<void> {
    const job = await db.job.findUnique({ where: { id: jobId } });
    if (job) publishJobUpdate(toJobEvent(job));
  }
}
