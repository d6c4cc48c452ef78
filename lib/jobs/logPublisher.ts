import { publish, ROOMS } from "../realtime/publish.ts";
import type { ServiceStateName } from "../recipes/serviceStatusLine.ts";
import type { LogChunk } from "./logStore.ts";

// The one place job output and job state reach browsers. Rooms: job:<id> for a log, plan:<id>
// for a plan run's progress. A browser that joins late replays from the store first (server.ts).

export const jobRoom = (jobId: string) => `job:${jobId}`;
export const planRoom = (planRunId: string) => `plan:${planRunId}`;

export interface LogChunkEvent {
  jobId: string;
  offset: number;
  at: number;
  data: Buffer;
}

export function publishLogChunk(jobId: string, chunk: LogChunk): void {
  publish(jobRoom(jobId), "log:chunk", { jobId, offset: chunk.offset, at: chunk.at, data: chunk.data } satisfies LogChunkEvent);
}

export interface JobEvent {
  id: string;
  planRunId: string;
  status: string;
  exitCode: number | null;
  logSize: number;
  note: string | null;
  failure: string | null;
  /** Report jobs (status probes): what they found, once they end. */
  serviceState: ServiceStateName | null;
  report: { target: string; answer: string } | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export function publishJobUpdate(job: JobEvent): void {
  publish(jobRoom(job.id), "job:update", job);
  publish(planRoom(job.planRunId), "job:update", job);
}

/** To the run's own room, and to the list of runs every cluster page shows. */
export function publishPlanRunUpdate(run: { id: string; status: string }): void {
  publish(planRoom(run.id), "plan:update", run);
  publish(ROOMS.runs, "plan:update", run);
}
