import { createId } from "./createId.ts";
import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { getClusterSettings } from "../cluster/clusterSettings.ts";
import { db } from "../db/client.ts";
import { ConfirmationRequiredError, ConflictError, NotFoundError } from "../errors.ts";
import { PREFLIGHT_GATED_PLANS, requirePreflight } from "../preflight/preflightGate.ts";
import { buildPlan, type Plan, type PlanScope } from "../plans/buildPlan.ts";
import { describeImpact, planImpact } from "../plans/planImpact.ts";
import type { PlanKind } from "../recipes/planKinds.ts";
import { publishJobUpdate, publishPlanRunUpdate } from "./logPublisher.ts";
import { isFinal } from "./jobStatus.ts";
import { loadRecipeNodes } from "./recipeNodes.ts";
import { wakeRunner } from "./runnerSignal.ts";
import { planUpgrade } from "../upgrade/planUpgrade.ts";
import { toJobEvent } from "./jobViews.ts";

/** The dry run of a plan on one cluster's nodes and settings (an upgrade: against what its nodes run). */
export async function previewPlan(clusterId: number, kind: PlanKind, scope: PlanScope): Promise<Plan> {
  if (kind === "upgrade") {
    if (scope.nodeIds?.length || scope.components?.length) throw new ConflictError("A rolling upgrade covers every node whose versions differ from the settings: it takes no node or component choice");
    return planUpgrade(clusterId);
  }
  return buildPlan(kind, await getClusterSettings(clusterId), await loadRecipeNodes(clusterId), scope);
}

/**
 * Writes the plan run and its jobs, then wakes the runner. Nothing runs before this commits. A plan
 * that changes nodes runs only with `confirm`, so no caller (button, script, token) can set one
 * off by accident; the refusal names what would change.
 */
export async function createPlanRun(
  clusterId: number,
  kind: PlanKind,
  scope: PlanScope,
  actor: AuditActor,
  options: { confirm?: boolean } = {},
): Promise<{ id: string; jobs: number; clusterId: number }> {
  const settings = await getClusterSettings(clusterId);
  const plan = await previewPlan(clusterId, kind, scope);
  if (plan.jobs.length === 0) throw new ConflictError("Nothing to do: no step of this plan applies to the chosen nodes and components");
  const impact = planImpact(plan);
  if (impact.changesNodes && options.confirm !== true) {
    throw new ConfirmationRequiredError(`${describeImpact(plan.title, impact)}. Send "confirm": true to run it.`, { wouldChange: impact });
  }
  // Confirmed: before anything installs, every node of the plan is checked read-only.
  if (PREFLIGHT_GATED_PLANS.has(kind)) await requirePreflight(clusterId, plan.title, impact.nodes.map((n) => n.id), actor);
  const runId = createId();
  const ids = new Map(plan.jobs.map((j) => [j.key, createId()]));
  await db.$transaction([
    db.planRun.create({
      data: { id: runId, clusterId, plan: kind, title: plan.title, scope: JSON.stringify(scope), status: "queued", settings: JSON.stringify(settings), createdBy: actor.username },
    }),
    db.job.createMany({
      data: plan.jobs.map((j) => ({
        id: ids.get(j.key)!,
        planRunId: runId,
        seq: j.seq,
        nodeId: j.node.id,
        nodeName: j.node.name,
        component: j.step.component,
        stepId: j.step.id,
        title: j.step.title,
        mutating: j.step.mutating,
        kind: j.step.reports ? "report" : "step",
        dependsOn: JSON.stringify(j.dependsOn.map((k) => ids.get(k)!)),
        script: j.script,
        status: "queued",
        createdBy: actor.username,
      })),
    }),
  ]);
  await recordAuditEvent({ actor, action: `plan.${kind}`, target: runId, result: "success", detail: { clusterId, jobs: plan.jobs.length, scope, warnings: plan.warnings } });
  publishPlanRunUpdate({ id: runId, status: "queued" });
  wakeRunner();
  return { id: runId, jobs: plan.jobs.length, clusterId };
}

/** A plan run's status follows from its jobs'. */
export async function refreshPlanRunStatus(planRunId: string): Promise<string> {
  const run = await db.planRun.findUnique({ where: { id: planRunId }, include: { jobs: { select: { status: true, cancelRequested: true } } } });
  if (!run) throw new NotFoundError("Plan run");
  const statuses = run.jobs.map((j) => j.status);
  let status: string;
  if (statuses.some((s) => s === "running")) status = "running";
  else if (statuses.some((s) => s === "queued")) status = statuses.some((s) => s !== "queued") ? "running" : "queued";
  else if (statuses.every((s) => s === "succeeded")) status = "succeeded";
  else if (statuses.some((s) => s === "failed" || s === "interrupted")) status = "failed";
  else status = "cancelled";
  const final = status === "succeeded" || status === "failed" || status === "cancelled";
  if (status !== run.status || (final && !run.finishedAt)) {
    await db.planRun.update({
      where: { id: planRunId },
      data: { status, startedAt: run.startedAt ?? (status !== "queued" ? new Date() : null), finishedAt: final ? new Date() : null },
    });
    publishPlanRunUpdate({ id: planRunId, status });
  }
  return status;
}

export async function cancelPlanRun(planRunId: string, actor: AuditActor): Promise<void> {
  const run = await db.planRun.findUnique({ where: { id: planRunId } });
  if (!run) throw new NotFoundError("Plan run");
  const { count } = await db.job.updateMany({ where: { planRunId, status: { in: ["queued", "running"] } }, data: { cancelRequested: true } });
  await recordAuditEvent({ actor, action: "plan.cancel", target: planRunId, result: "success", detail: { jobs: count } });
  wakeRunner();
}

export async function cancelJob(jobId: string, actor: AuditActor): Promise<void> {
  const job = await db.job.findUnique({ where: { id: jobId } });
  if (!job) throw new NotFoundError("Job");
  if (isFinal(job.status)) throw new ConflictError(`The job already ${job.status}`);
  await db.job.update({ where: { id: jobId }, data: { cancelRequested: true } });
  await recordAuditEvent({ actor, action: "job.cancel", target: jobId, result: "success", detail: { step: job.stepId, node: job.nodeName } });
  wakeRunner();
}

/**
 * Re-runs a finished plan from where it failed: failed, interrupted and cancelled jobs are queued
 * again; jobs that succeeded stay done (and the steps' checks would skip them anyway).
 */
export async function retryPlanRun(planRunId: string, actor: AuditActor): Promise<{ requeued: number }> {
  const run = await db.planRun.findUnique({ where: { id: planRunId }, include: { jobs: true } });
  if (!run) throw new NotFoundError("Plan run");
  if (run.jobs.some((j) => !isFinal(j.status))) throw new ConflictError("The plan is still running: cancel it or wait for it to end");
  if (run.jobs.some((j) => j.kind === "report")) throw new ConflictError("A status run is a report, not a job to retry: run Status again");
  if (run.jobs.some((j) => j.kind === "probe")) throw new ConflictError(`A ${run.plan} run is a set of read-only checks, not a job to retry: run ${run.plan} again`);
  const again = run.jobs.filter((j) => j.status !== "succeeded");
  if (again.length === 0) throw new ConflictError("Every job succeeded: nothing to retry");
  for (const job of again) {
    const updated = await db.job.update({
      where: { id: job.id },
      data: { status: "queued", cancelRequested: false, attempt: job.status === "cancelled" && !job.startedAt ? job.attempt : job.attempt + 1, exitCode: null, failure: null, note: null, finishedAt: null },
    });
    publishJobUpdate(toJobEvent(updated));
  }
  await db.planRun.update({ where: { id: planRunId }, data: { status: "queued", finishedAt: null } });
  publishPlanRunUpdate({ id: planRunId, status: "queued" });
  await recordAuditEvent({ actor, action: "plan.retry", target: planRunId, result: "success", detail: { requeued: again.length, from: again[0]!.stepId } });
  wakeRunner();
  return { requeued: again.length };
}
