import { SYSTEM_ACTOR } from "../lib/audit/recordAuditEvent.ts";
import { logger } from "../lib/logger.ts";
import { checkNode } from "../lib/nodes/checkNode.ts";
import { listNodeIds } from "../lib/nodes/listNodes.ts";

/**
 * Re-checks every node's reachability and facts in the background, one node at a time so a
 * large inventory never opens a burst of SSH connections. Returns a stop function.
 */
export function startNodeHealthChecker(intervalMs: number): () => void {
  if (intervalMs <= 0) return () => undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const round = async () => {
    for (const id of await listNodeIds()) {
      if (stopped) return;
      await checkNode(id, SYSTEM_ACTOR, { auditOnlyChanges: true }).catch((error) => logger.warn({ err: error, id }, "node check failed"));
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void round().finally(schedule), intervalMs);
  };
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
