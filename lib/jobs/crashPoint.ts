import { env, type CrashPoint } from "../env.ts";

/**
 * For tests: ARMDECK_CRASH_AT=<point> kills this process (SIGKILL, as a crash would) when the
 * runner reaches that named point, so a test crashes it exactly between claim and remote start
 * instead of guessing the moment with a sleep. Unset, this does nothing.
 */
export function crashPoint(point: CrashPoint): void {
  if (env().ARMDECK_CRASH_AT === point) process.kill(process.pid, "SIGKILL");
}
