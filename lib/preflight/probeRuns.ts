import type { Client } from "ssh2";
import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { createId } from "../jobs/createId.ts";
import { toJobEvent } from "../jobs/jobViews.ts";
import { publishJobUpdate, publishPlanRunUpdate } from "../jobs/logPublisher.ts";
import { logSize } from "../jobs/logStore.ts";
import { logger } from "../logger.ts";
import { openCredentials } from "../nodes/nodeCredentials.ts";
import { openConnection } from "../ssh/openConnection.ts";
import type { CheckResult } from "./checkNames.ts";
import { runProbeScript, type ProbeOutput } from "./runProbeScript.ts";

// A preflight or verify run: a plan run (listed at /runs, live log per node) whose jobs are one
// read-only script per node, all started together so the nodes' listeners and connection tests
// overlap. Its findings are stored on the run as Json when every node has answered.

export type ProbeKind = "preflight" | "verify";

export interface ProbeJobSpec {
  nodeId: string;
  nodeName: string;
  script: string;
  /** The start of the output line whose arrival time is recorded (preflight's clock). */
  clockPrefix?: string;
}

/** Per node: what its script printed, or why it could not run. */
export type ProbeResult = { nodeId: string; nodeName: string } & ({ ok: true; probe: ProbeOutput } | { ok: false; error: string });

export type Evaluate = (results: ProbeResult[]) => Promise<CheckResult[]>;

const inFlight = new Map<string, Promise<CheckResult[]>>();
const PROBE_TIMEOUT_MS = 120_000;

export async function startProbeRun(input: {
  clusterId: number;
  kind: ProbeKind;
  title: string;
  jobs: ProbeJobSpec[];
  actor: AuditActor;
  scope: { nodeIds?: string[] };
  settings: unknown;
  evaluate: Evaluate;
}): Promise<{ id: string; done: Promise<CheckResult[]> }> {
  const runId = createId();
  const now = new Date();
  const jobs = input.jobs.map((j, seq) => ({ ...j, id: createId(), seq }));
  await db.$transaction([
    db.planRun.create({
      data: { id: runId, clusterId: input.clusterId, plan: input.kind, title: input.title, scope: JSON.stringify(input.scope), status: "running", settings: JSON.stringify(input.settings), createdBy: input.actor.username, startedAt: now },
    }),
    db.job.createMany({
      data: jobs.map((j) => ({
        id: j.id,
        planRunId: runId,
        seq: j.seq,
        nodeId: j.nodeId,
        nodeName: j.nodeName,
        component: input.kind,
        stepId: `${input.kind}.probe`,
        title: `${input.title} (read-only)`,
        mutating: false,
        kind: "probe",
        dependsOn: "[]",
        script: j.script,
        status: "running",
        claimedBy: "preflight",
        startedAt: now,
        createdBy: input.actor.username,
      })),
    }),
  ]);
  await recordAuditEvent({ actor: input.actor, action: `${input.kind}.start`, target: runId, result: "success", detail: { clusterId: input.clusterId, nodes: jobs.map((j) => j.nodeName) } });
  publishPlanRunUpdate({ id: runId, status: "running" });
  const done = executeProbeRun(runId, jobs, input.evaluate).finally(() => inFlight.delete(runId));
  inFlight.set(runId, done);
  done.catch((err) => logger.error({ err, run: runId }, `${input.kind} run failed`));
  return { id: runId, done };
}

async function executeProbeRun(runId: string, jobs: (ProbeJobSpec & { id: string })[], evaluate: Evaluate): Promise<CheckResult[]> {
  const timeoutMs = env().ARMDECK_SSH_TIMEOUT_MS;
  // Connect everywhere first, then start every script at once: the reach window is short.
  const clients = await Promise.all(jobs.map((j) => connect(j.nodeId, timeoutMs)));
  let results: ProbeResult[];
  try {
    results = await Promise.all(
      jobs.map(async (j, i): Promise<ProbeResult> => {
        const client = clients[i]!;
        if ("error" in client) return { nodeId: j.nodeId, nodeName: j.nodeName, ok: false, error: client.error };
        try {
          return { nodeId: j.nodeId, nodeName: j.nodeName, ok: true, probe: await runProbeScript(client.client, j.id, j.script, PROBE_TIMEOUT_MS, j.clockPrefix) };
        } catch (err) {
          return { nodeId: j.nodeId, nodeName: j.nodeName, ok: false, error: err instanceof Error ? err.message : String(err) };
        }
      }),
    );
  } finally {
    for (const c of clients) if ("client" in c) c.client.end();
  }
  let checks: CheckResult[];
  try {
    checks = await evaluate(results);
  } catch (err) {
    // Fail closed: a gate must never read "no findings" as "all green".
    logger.error({ err, run: runId }, "evaluating probe output failed");
    const why = err instanceof Error ? err.message : String(err);
    checks = jobs.map((j) => ({ nodeId: j.nodeId, node: j.nodeName, check: "ssh", status: "fail", detail: `Armdeck could not read this node's answers (${why}): see the log and run it again` }));
  }
  await db.planRun.update({ where: { id: runId }, data: { checks: checks as object[] } });
  const finishedAt = new Date();
  for (const [i, j] of jobs.entries()) {
    const r = results[i]!;
    const failure = !r.ok ? r.error : r.probe.code === 0 ? null : `The probe script ended with exit code ${r.probe.code}`;
    const updated = await db.job.update({
      where: { id: j.id },
      data: { status: failure ? "failed" : "succeeded", exitCode: r.ok ? r.probe.code : null, failure, finishedAt, logSize: logSize(j.id) },
    });
    publishJobUpdate(toJobEvent(updated));
  }
  await finishRun(runId, results.every((r) => r.ok && r.probe.code === 0) ? "succeeded" : "failed");
  return checks;
}

async function connect(nodeId: string, timeoutMs: number): Promise<{ client: Client } | { error: string }> {
  try {
    const node = await db.node.findUniqueOrThrow({ where: { id: nodeId } });
    return { client: await openConnection(node, openCredentials(node.secretCipher), node.hostKeyFingerprint, timeoutMs) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** A run this process started that has not finished; null once it has (or if another process ran it). */
export function probeRunInFlight(runId: string): Promise<CheckResult[]> | null {
  return inFlight.get(runId) ?? null;
}

/** At start: probe runs a previous process left running can never finish; say so. */
export async function interruptOrphanedProbeRuns(): Promise<number> {
  const orphans = await db.job.findMany({ where: { kind: "probe", status: "running" }, select: { id: true, planRunId: true } });
  if (orphans.length === 0) return 0;
  await db.job.updateMany({
    where: { id: { in: orphans.map((o) => o.id) } },
    data: { status: "interrupted", failure: "The dashboard restarted while this probe ran: run it again", finishedAt: new Date() },
  });
  for (const runId of new Set(orphans.map((o) => o.planRunId))) await finishRun(runId, "failed");
  return orphans.length;
}

// Not refreshPlanRunStatus (lib/jobs/planRuns.ts): that module gates plans on preflight, so
// importing it here would make a cycle; a probe run's state is simply whether every node answered.
async function finishRun(runId: string, status: "succeeded" | "failed"): Promise<void> {
  await db.planRun.update({ where: { id: runId }, data: { status, finishedAt: new Date() } });
  publishPlanRunUpdate({ id: runId, status });
}
