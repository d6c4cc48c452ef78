import { SYSTEM_ACTOR } from "../lib/audit/recordAuditEvent.ts";
import { db } from "../lib/db/client.ts";
import { startVerify } from "../lib/drift/startVerify.ts";
import { logger } from "../lib/logger.ts";
import { interruptOrphanedProbeRuns } from "../lib/preflight/probeRuns.ts";

/**
 * "Verify" on a schedule: every provisioned cluster that was brought up (a bring-up or start
 * that succeeded; before that every check fails and says nothing) and whose last verification
 * is older than the interval, one cluster at a time. At start it first marks probe runs a
 * previous process left running as interrupted. Returns a stop function.
 */
export function startVerifyScheduler(intervalMs: number, tickMs = Math.min(intervalMs, 60_000)): () => void {
  void interruptOrphanedProbeRuns().catch((err) => logger.warn({ err }, "could not close probe runs left running"));
  if (intervalMs <= 0) return () => undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const round = async () => {
    const clusters = await db.cluster.findMany({
      where: { kind: "provisioned", planRuns: { some: { plan: { in: ["bring-up", "start"] }, status: "succeeded" } } },
      select: { id: true, planRuns: { where: { plan: "verify" }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true, status: true } } },
    });
    for (const c of clusters) {
      if (stopped) return;
      const last = c.planRuns[0];
      if (last && (last.status === "running" || Date.now() - last.createdAt.getTime() < intervalMs)) continue;
      await startVerify(c.id, SYSTEM_ACTOR)
        .then((run) => run.done)
        .catch((err) => logger.warn({ err, cluster: c.id }, "scheduled verify failed"));
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void round().catch((err) => logger.warn({ err }, "verify round failed")).finally(schedule), tickMs);
  };
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
