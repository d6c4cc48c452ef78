import type { AuditActor } from "../audit/recordAuditEvent.ts";
import { AppError } from "../errors.ts";
import type { PlanKind } from "../recipes/planKinds.ts";
import type { CheckResult } from "./checkNames.ts";
import { startPreflight } from "./startPreflight.ts";

/** Plans that install or upgrade: each runs preflight first and does not start on a red check. */
export const PREFLIGHT_GATED_PLANS: ReadonlySet<PlanKind> = new Set<PlanKind>(["bring-up", "prepare", "build", "upgrade"]);

/** 422: preflight found a red check; the body lists them (the confirmation dialog shows them). */
export class PreflightFailedError extends AppError {
  constructor(message: string, extra: { preflight: { runId: string; failing: CheckResult[] } }) {
    super(message, 422, "preflight_failed", extra);
  }
}

/** Runs preflight on the plan's nodes and waits for it; throws when any check is red. */
export async function requirePreflight(clusterId: number, title: string, nodeIds: string[], actor: AuditActor): Promise<{ runId: string }> {
  const run = await startPreflight(clusterId, actor, nodeIds);
  const failing = (await run.done).filter((c) => c.status === "fail");
  if (failing.length === 0) return { runId: run.id };
  const list = failing.map((c) => `${c.node} ${c.check}: ${c.detail}`).join("; ");
  throw new PreflightFailedError(`${title} did not start, nothing was changed: preflight found ${failing.length} red check(s): ${list}`, { preflight: { runId: run.id, failing } });
}
