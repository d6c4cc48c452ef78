import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { randomToken, tokenHash } from "./randomToken.ts";
import type { Role } from "./roles.ts";

export const SESSION_COOKIE = "armdeck_session";

export interface SessionUser {
  sessionId: string;
  csrfToken: string;
  userId: string;
  username: string;
  role: Role;
}

export async function createSession(userId: string, meta: { ip?: string | null; userAgent?: string | null }) {
  const cookieValue = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + env().ARMDECK_SESSION_HOURS * 3600_000);
  await db.session.create({
    data: { id: tokenHash(cookieValue), userId, csrfToken, expiresAt, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 256) ?? null },
  });
  return { cookieValue, csrfToken, expiresAt };
}

// lastSeenAt is written at most once a minute so reads do not turn into writes on every request.
const TOUCH_EVERY_MS = 60_000;

export async function findSession(cookieValue: string): Promise<SessionUser | null> {
  const id = tokenHash(cookieValue);
  const session = await db.session.findUnique({ where: { id }, include: { user: true } });
  if (!session) return null;
  if (session.expiresAt.getTime() <= Date.now() || session.user.disabled) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    // Best effort: a database that takes no writes (disk full) must not turn every read into an error.
    await db.session.update({ where: { id }, data: { lastSeenAt: new Date() } }).catch(() => undefined);
  }
  return {
    sessionId: id,
    csrfToken: session.csrfToken,
    userId: session.userId,
    username: session.user.username,
    role: session.user.role as Role,
  };
}

export async function deleteSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export async function deleteExpiredSessions(): Promise<number> {
  return (await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } })).count;
}
