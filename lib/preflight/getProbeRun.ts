import { z } from "zod";
import { db } from "../db/client.ts";
import { NotFoundError } from "../errors.ts";
import { CHECK_STATUSES, worstStatus, type CheckResult } from "./checkNames.ts";
import type { ProbeKind } from "./probeRuns.ts";

const checksSchema = z.array(z.object({ nodeId: z.string(), node: z.string(), check: z.string(), status: z.enum(CHECK_STATUSES), detail: z.string() }));

export interface ProbeRunView {
  id: string;
  kind: ProbeKind;
  clusterId: number;
  /** The run's own state: running until every node answered. */
  status: string;
  /** The worst finding once it ended: fail, warn or ok (null while it runs). */
  verdict: "ok" | "warn" | "fail" | null;
  createdAt: string;
  finishedAt: string | null;
  createdBy: string;
  checks: CheckResult[];
}

export function toProbeRunView(run: { id: string; plan: string; clusterId: number; status: string; createdAt: Date; finishedAt: Date | null; createdBy: string; checks: unknown }): ProbeRunView {
  // Read back through the schema: the column is Json, and an old or hand-edited row must not break a page.
  const checks = checksSchema.catch([]).parse(run.checks ?? []);
  const ended = run.finishedAt !== null;
  return {
    id: run.id,
    kind: run.plan as ProbeKind,
    clusterId: run.clusterId,
    status: run.status,
    verdict: ended ? worstStatus(checks) : null,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    createdBy: run.createdBy,
    checks,
  };
}

export async function getProbeRun(clusterId: number, kind: ProbeKind, runId: string): Promise<ProbeRunView> {
  const run = await db.planRun.findFirst({ where: { id: runId, clusterId, plan: kind } });
  if (!run) throw new NotFoundError(kind === "preflight" ? "Preflight run" : "Verify run");
  return toProbeRunView(run);
}

/** The newest run of a kind on a cluster, running or not (the home shows the last verification and its age). */
export async function lastProbeRun(clusterId: number, kind: ProbeKind): Promise<ProbeRunView | null> {
  const run = await db.planRun.findFirst({ where: { clusterId, plan: kind }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return run ? toProbeRunView(run) : null;
}
