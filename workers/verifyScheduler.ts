import { SYSTEM_ACTOR } from "../lib/audit/recordAuditEvent.ts";
import { db } from "../lib/db/client.ts";
import { startVerify } from "../lib/drift/startVerify.ts";
import { verifyIntervalMs } from "../lib/drift/verifyInterval.ts";
import { logger } from "../lib/logger.ts";
import { interruptOrphanedProbeRuns } from "../lib/preflight/probeRuns.ts";

/**
 * "Verify" on a schedule: every provisioned cluster that was brought up (a bring-up or start
 * that succeeded; before that every check fails and says nothing), an interval after the last
 * verification or the last successful bring-up or start, whichever is newer, one cluster at a time. At start it first marks probe runs a
 * previous process left running as interrupted. `defaultIntervalMs` (ARMDECK_VERIFY_INTERVAL_S) is
 * the interval of a cluster whose settings never set `verifyIntervalMinutes`; 0 there, or in the
 * setting, turns it off. Returns a stop function.
 */
export function startVerifyScheduler(
  defaultIntervalMs: number,
  options: { tickMs?: number; start?: (clusterId: number) => Promise<{ done: Promise<unknown> }> } = {},
): () => void {
  // A cluster's own setting is in minutes, so a minute's tick is enough whatever the default.
  const tickMs = options.tickMs ?? (defaultIntervalMs > 0 ? Math.min(defaultIntervalMs, 60_000) : 60_000);
  const start = options.start ?? ((clusterId: number) => startVerify(clusterId, SYSTEM_ACTOR));
  void interruptOrphanedProbeRuns().catch((err) => logger.warn({ err }, "could not close probe runs left running"));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const round = async () => {
    const clusters = await db.cluster.findMany({
      where: { kind: "provisioned", planRuns: { some: { plan: { in: ["bring-up", "start"] }, status: "succeeded" } } },
      select: { id: true, settings: true, planRuns: { where: { OR: [{ plan: "verify" }, { plan: { in: ["bring-up", "start"] }, status: "succeeded" }] }, orderBy: { createdAt: "desc" }, take: 1, select: { plan: true, createdAt: true, finishedAt: true, status: true } } },
    });
    for (const c of clusters) {
      if (stopped) return;
      // Due an interval after the last verification, or after the last bring-up or start (nothing
      // has drifted the moment the runbook finished).
      const last = c.planRuns[0];
      const intervalMs = verifyIntervalMs(c.settings, defaultIntervalMs);
      if (!last || last.status === "running" || intervalMs <= 0) continue;
      if (Date.now() - (last.finishedAt ?? last.createdAt).getTime() < intervalMs) continue;
      await start(c.id)
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
