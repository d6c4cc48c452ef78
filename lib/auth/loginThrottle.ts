import { db } from "../db/client.ts";
import { TooManyRequestsError } from "../errors.ts";

// Failed sign-ins are already audit events; counting them here keeps one record of truth that
// survives restarts and needs no table of its own.
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_USER_AND_IP = 5;
export const MAX_FAILURES_PER_IP = 30;

export async function assertLoginAllowed(username: string, ip: string | null): Promise<void> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const failures = (where: object) =>
    db.auditEvent.findMany({
      where: { action: "auth.login", result: "failure", at: { gte: since }, ...where },
      orderBy: { at: "asc" },
      select: { at: true },
    });
  const [forPair, forIp] = await Promise.all([
    failures({ target: username, ip }),
    ip ? failures({ ip }) : Promise.resolve([]),
  ]);
  const blocking = forPair.length >= MAX_FAILURES_PER_USER_AND_IP ? forPair : forIp.length >= MAX_FAILURES_PER_IP ? forIp : null;
  if (blocking) {
    const oldest = blocking[blocking.length - (blocking === forPair ? MAX_FAILURES_PER_USER_AND_IP : MAX_FAILURES_PER_IP)]!.at;
    throw new TooManyRequestsError(Math.max(1, Math.ceil((oldest.getTime() + LOGIN_WINDOW_MS - Date.now()) / 1000)));
  }
}
