import type { Job, PlanRun } from "../db/generated/client.ts";
import { z } from "zod";
import type { JobEvent } from "./logPublisher.ts";

/** Read back through a schema: the column is Json, and an old or hand-edited row must not break a page. */
const serviceReportSchema = z.object({ target: z.string(), answer: z.string() });

export function toJobEvent(j: Job): JobEvent {
  return {
    id: j.id,
    planRunId: j.planRunId,
    status: j.status,
    exitCode: j.exitCode,
    logSize: j.logSize,
    note: j.note,
    failure: j.failure,
    serviceState: j.serviceState,
    report: serviceReportSchema.nullable().catch(null).parse(j.report ?? null),
    startedAt: j.startedAt?.toISOString() ?? null,
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

/** A job as the API shows it; the script is included because the operator may read what runs. */
export interface JobView extends JobEvent {
  seq: number;
  nodeId: string;
  nodeName: string;
  component: string;
  stepId: string;
  title: string;
  mutating: boolean;
  kind: "step" | "report" | "probe";
  dependsOn: string[];
  attempt: number;
  attemptLogStart: number;
  createdBy: string;
  cancelRequested: boolean;
}

export function toJobView(j: Job): JobView {
  return {
    ...toJobEvent(j),
    seq: j.seq,
    nodeId: j.nodeId,
    nodeName: j.nodeName,
    component: j.component,
    stepId: j.stepId,
    title: j.title,
    mutating: j.mutating,
    kind: j.kind,
    dependsOn: JSON.parse(j.dependsOn) as string[],
    attempt: j.attempt,
    attemptLogStart: j.attemptLogStart,
    createdBy: j.createdBy,
    cancelRequested: j.cancelRequested,
  };
}

export interface PlanRunView {
  id: string;
  clusterId: number;
  plan: string;
  title: string;
  status: string;
  scope: unknown;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export function toPlanRunView(r: PlanRun): PlanRunView {
  return {
    id: r.id,
    clusterId: r.clusterId,
    plan: r.plan,
    title: r.title,
    status: r.status,
    scope: JSON.parse(r.scope),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
