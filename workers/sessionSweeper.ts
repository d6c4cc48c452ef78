import { deleteExpiredSessions } from "../lib/auth/sessions.ts";
import { logger } from "../lib/logger.ts";

// Hourly is plenty: an expired row is refused when presented anyway (findSession); the sweep
// only keeps the table from growing with sessions nobody comes back to.
export const SESSION_SWEEP_INTERVAL_MS = 60 * 60_000;

/**
 * Deletes expired sessions at start and then every interval. Their sockets were already closed by
 * their own expiry timers. Returns a stop function.
 */
export function startSessionSweeper(intervalMs = SESSION_SWEEP_INTERVAL_MS): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const sweep = async () => {
    const removed = await deleteExpiredSessions().catch((error) => {
      logger.warn({ err: error }, "expired-session sweep failed");
      return 0;
    });
    if (removed > 0) logger.info({ removed }, "expired sessions removed");
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void sweep().finally(schedule), intervalMs);
  };
  void sweep().finally(schedule);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
