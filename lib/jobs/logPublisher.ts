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

// Chunks that arrive in one turn of the event loop (an SSH read often carries several packets)
// go out as one event: fewer socket frames for the same bytes, at no cost in latency.
const pending = new Map<string, { offset: number; at: number; parts: Buffer[] }>();

export function publishLogChunk(jobId: string, chunk: LogChunk): void {
  const queued = pending.get(jobId);
  if (queued) {
    queued.parts.push(chunk.data);
    return;
  }
  pending.set(jobId, { offset: chunk.offset, at: chunk.at, parts: [chunk.data] });
  setImmediate(() => flushLogChunks(jobId));
}

function flushLogChunks(jobId: string): void {
  const queued = pending.get(jobId);
  if (!queued) return;
  pending.delete(jobId);
  const data = queued.parts.length === 1 ? queued.parts[0]! : Buffer.concat(queued.parts);
  publish(jobRoom(jobId), "log:chunk", { jobId, offset: queued.offset, at: queued.at, data } satisfies LogChunkEvent);
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
  flushLogChunks(job.id); // a finished job's last bytes reach viewers before its new state
  publish(jobRoom(job.id), "job:update", job);
  publish(planRoom(job.planRunId), "job:update", job);
}

/** To the run's own room, and to the list of runs every cluster page shows. */
export function publishPlanRunUpdate(run: { id: string; status: string }): void {
  publish(planRoom(run.id), "plan:update", run);
  publish(ROOMS.runs, "plan:update", run);
}
