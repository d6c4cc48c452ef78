import { recordAuditEvent } from "../audit/recordAuditEvent.ts";
import { db } from "../db/client.ts";
import { UnauthenticatedError } from "../errors.ts";
import { admitLoginAttempt, settleLoginAttempt } from "./loginThrottle.ts";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password.ts";
import { createSession } from "./sessions.ts";
import type { Role } from "./roles.ts";

export interface LoginResult {
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
  user: { id: string; username: string; role: Role };
}

export async function login(username: string, password: string, meta: { ip: string | null; userAgent: string | null }): Promise<LoginResult> {
  const actor = { username: "anonymous", ip: meta.ip };
  // Counted before the check: a guess that is still being hashed already uses up the allowance.
  const attemptId = await admitLoginAttempt(username, meta.ip).catch(async (error) => {
    await recordAuditEvent({ actor, action: "auth.login", target: username, result: "denied", detail: { reason: "rate_limited" } });
    throw error;
  });
  const user = await db.user.findUnique({ where: { username } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok || user.disabled) {
    await settleLoginAttempt(attemptId, "failed");
    await recordAuditEvent({ actor, action: "auth.login", target: username, result: "failure", detail: { reason: user?.disabled ? "disabled" : "bad_credentials" } });
    // One message for every cause, so the form does not reveal which usernames exist.
    throw new UnauthenticatedError("Wrong username or password");
  }
  await settleLoginAttempt(attemptId, "succeeded");
  const session = await createSession(user.id, meta);
  await recordAuditEvent({ actor: { userId: user.id, username: user.username, ip: meta.ip }, action: "auth.login", target: username, result: "success" });
  return { ...session, user: { id: user.id, username: user.username, role: user.role as Role } };
}
