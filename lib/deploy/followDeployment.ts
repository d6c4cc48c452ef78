// GET /api/v1/clusters/{id}/deployments/{deploymentId}: one deployment followed to its end, from
// the poller's caches only (deployments, queue, groups, Mesos state; each refreshed at most once
// and shared by every caller). Marathon lists a deployment only while it runs (and in 1.5.1 only
// once its first step started), so the end is read from the apps: a deployment that left
// /v2/deployments with its apps at their target succeeded, a 0-step plan at once; one that left
// without reaching it was cancelled or replaced (failed), or rolled back by Armdeck.

import type { MarathonApp, MarathonDeployment, MarathonGroup, MarathonQueueItem } from "../marathon/marathonSchemas.ts";
import type { MesosState } from "../mesos/mesosSchemas.ts";
import { deploymentIdPath } from "../marathon/marathonIds.ts";
import { NotFoundError } from "../errors.ts";
import { deploymentView } from "../panels/deploymentsView.ts";
import { unwrapReply } from "../panels/replyData.ts";
import { upstreamFailure } from "../panels/upstreamFailure.ts";
import type { ClusterPoller } from "../upstream/clusterPoller.ts";
import { clusterMarathon } from "./clusterMarathon.ts";
import type { FollowReply } from "./deployContract.ts";
import { findDeployment, updateDeployment, type DeploymentRow, type DeploymentTarget } from "./deploymentRecords.ts";
import { stuckApps } from "./stuckWords.ts";
import { AppError } from "../errors.ts";

/** While Marathon has not listed a new deployment yet (1.5.1 lists it once its first step starts). */
export const NOT_LISTED_GRACE_MS = 10_000;
/** The follow reads caches at most this old; older means one refresh shared by every follower. */
export const FOLLOW_MAX_AGE_MS = 2_000;

type Steps = FollowReply["steps"];

function data<T>(snap: { data: unknown }): T | undefined {
  return snap.data === undefined ? undefined : unwrapReply<T>(snap.data).data;
}

function appsById(root: MarathonGroup | undefined): Map<string, MarathonApp> {
  const out = new Map<string, MarathonApp>();
  const stack = root ? [root] : [];
  while (stack.length) {
    const g = stack.pop()!;
    for (const a of g.apps ?? []) out.set(a.id, a);
    stack.push(...(g.groups ?? []));
  }
  return out;
}

function stepsOf(d: MarathonDeployment): Steps {
  const view = deploymentView(d);
  const readiness = new Map(d.currentActions.map((a) => [a.app ?? a.pod ?? "", a.readinessCheckResults ?? []]));
  return view.steps.map((s) => ({
    state: s.state,
    actions: s.actions.map((a) => ({
      action: a.action,
      app: a.app ?? "",
      readiness: s.state === "running"
        ? (readiness.get(a.app ?? "") ?? []).map((r) => ({ name: String(r.name ?? ""), ready: r.ready === true, lastResponse: r.lastResponse ? JSON.stringify(r.lastResponse) : null }))
        : [],
    })),
  }));
}

/** Whether every app is where the deployment should leave it; the first that is not, in words. */
export function targetGap(target: DeploymentTarget, apps: ReadonlyMap<string, MarathonApp>, deploymentId: string): string | null {
  for (const [id, want] of Object.entries(target)) {
    const app = apps.get(id);
    if (want === null) {
      if (app) return `${id} still exists`;
      continue;
    }
    if (!app) return `${id} does not exist`;
    const running = app.tasksRunning ?? (app.tasks ?? []).filter((t) => t.state === "TASK_RUNNING").length;
    if (running !== want || (app.tasksStaged ?? 0) > 0) return `${id} runs ${running} of ${want} instances`;
    if ((app.deployments ?? []).some((d) => d.id === deploymentId)) return `${id} is still being deployed`;
  }
  return null;
}

function tasksOf(affected: readonly string[], apps: ReadonlyMap<string, MarathonApp>): FollowReply["tasks"] {
  return affected.flatMap((id) =>
    (apps.get(id)?.tasks ?? []).map((t) => ({ id: t.id, appId: id, state: t.state ?? "TASK_RUNNING", agent: t.slaveId ?? null, host: t.host ?? null, startedAt: t.startedAt ?? null })),
  );
}

function lastFailure(affected: readonly string[], apps: ReadonlyMap<string, MarathonApp>, since: Date): string | null {
  for (const id of affected) {
    const f = apps.get(id)?.lastTaskFailure;
    if (f && f.timestamp && Date.parse(f.timestamp) >= since.getTime()) return `last task failure of ${id} on ${f.host ?? "an agent"}: ${[f.state, f.message].filter(Boolean).join(" ")}`;
  }
  return null;
}

async function caches(poller: ClusterPoller) {
  const deployments = await poller.get("marathon.deployments", { maxAgeMs: FOLLOW_MAX_AGE_MS });
  // The groups must be at least as new as the deployments list, or a just-finished deployment
  // would be judged on apps from before it ended.
  let groups = await poller.get("marathon.groups", { maxAgeMs: FOLLOW_MAX_AGE_MS });
  if ((groups.fetchedAt ?? 0) < (deployments.fetchedAt ?? 0)) {
    await poller.refresh("marathon.groups");
    groups = poller.peek("marathon.groups");
  }
  return { deployments, groups };
}

export async function followDeployment(rawClusterId: string, deploymentId: string, now = Date.now()): Promise<FollowReply> {
  deploymentIdPath(deploymentId);
  const cm = await clusterMarathon(rawClusterId);
  const { poller } = cm;
  const { deployments, groups } = await caches(poller);
  const list = data<MarathonDeployment[]>(deployments);
  const row = await findDeployment(cm.clusterId, deploymentId);
  if (list === undefined) {
    const f = upstreamFailure("marathon", deployments.cause, deployments.error ?? "Marathon has not answered yet");
    throw new AppError(f.message, f.status, f.code, { upstream: { status: f.status, message: f.message } });
  }
  const apps = appsById(data<MarathonGroup>(groups));
  const listed = list.find((d) => d.id === deploymentId);
  const fetchedAt = deployments.fetchedAt === null ? null : new Date(deployments.fetchedAt).toISOString();
  if (listed) return running(poller, listed, row, apps, fetchedAt, now);
  if (!row) throw new NotFoundError(`Deployment ${deploymentId}`);
  return ended(row, apps, fetchedAt, now);
}

async function running(poller: ClusterPoller, d: MarathonDeployment, row: DeploymentRow | null, apps: Map<string, MarathonApp>, fetchedAt: string | null, now: number): Promise<FollowReply> {
  const steps = stepsOf(d);
  if (row && (!row.seenAt || JSON.stringify(row.steps) !== JSON.stringify(d.steps))) await updateDeployment(row, { steps: d.steps, seenAt: row.seenAt ?? new Date() });
  const queue = poller.status().some((s) => s.source === "marathon.queue") ? data<{ queue: MarathonQueueItem[] }>(await poller.get("marathon.queue", { maxAgeMs: FOLLOW_MAX_AGE_MS }))?.queue ?? [] : [];
  const state = poller.status().some((s) => s.source === "mesos.state") ? data<MesosState>(poller.peek("mesos.state")) : undefined;
  const stuck = stuckApps(queue, d.affectedApps, state, now);
  const failure = lastFailure(d.affectedApps, apps, row?.startedAt ?? new Date(0));
  return {
    id: d.id,
    state: stuck.length ? "stuck" : "running",
    reason: stuck.length ? stuck.map((s) => `${s.appId}: ${s.summary}`).join(" ") : failure,
    version: d.version ?? null,
    affectedApps: d.affectedApps,
    currentStep: Math.min(d.currentStep, steps.length),
    totalSteps: steps.length,
    steps,
    tasks: tasksOf(d.affectedApps, apps),
    stuck,
    fetchedAt,
  };
}

async function ended(row: DeploymentRow, apps: Map<string, MarathonApp>, fetchedAt: string | null, now: number): Promise<FollowReply> {
  const target = row.target as DeploymentTarget;
  const affected = row.affectedApps as string[];
  let state = row.state;
  let reason = row.reason;
  if (state === "running" || state === "stuck" || state === "unknown") {
    const gap = targetGap(target, apps, row.deploymentId);
    if (gap === null) {
      state = "succeeded";
      reason = row.seenAt ? null : "Marathon planned no step (nothing changed) or finished before it was listed";
      await updateDeployment(row, { state, reason, finishedAt: new Date() });
    } else if (!row.seenAt && now - row.startedAt.getTime() < NOT_LISTED_GRACE_MS) {
      state = "running";
      reason = "Accepted by Marathon; waiting for it to list the deployment";
    } else {
      state = "failed";
      const failure = lastFailure(affected, apps, row.startedAt);
      reason = `Marathon ended the deployment before its apps reached their target (${gap}): it was cancelled or replaced by a forced deployment${failure ? `; ${failure}` : ""}`;
      await updateDeployment(row, { state, reason, finishedAt: new Date() });
    }
  }
  const stored = Array.isArray(row.steps) ? (row.steps as MarathonDeployment["steps"]) : [];
  const done = state === "succeeded";
  const steps: Steps = stored.map((s) => ({ state: done ? "done" : "pending", actions: s.actions.map((a) => ({ action: a.action, app: a.app ?? "", readiness: [] })) }));
  return {
    id: row.deploymentId,
    state,
    reason,
    version: row.version,
    affectedApps: affected,
    currentStep: done ? steps.length : 0,
    totalSteps: steps.length,
    steps,
    tasks: tasksOf(affected, apps),
    stuck: [],
    fetchedAt,
  };
}
