import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { sessionRoom, userRoom } from "../realtime/credentialRooms.ts";
import { disconnectRoom } from "../realtime/publish.ts";
import { randomToken, tokenHash } from "./randomToken.ts";
import type { Role } from "./roles.ts";

export const SESSION_COOKIE = "armdeck_session";

export interface SessionUser {
  sessionId: string;
  csrfToken: string;
  userId: string;
  username: string;
  role: Role;
  expiresAt: Date;
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
    await deleteSession(id);
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
    expiresAt: session.expiresAt,
  };
}

// Ending a session also closes its open sockets: they were authorized once, at connect.
export async function deleteSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
  disconnectRoom(sessionRoom(sessionId));
}

/** A role change, a disable or a new password: every session and socket of the user ends. */
export async function endUserSessions(userId: string): Promise<number> {
  const ended = await db.session.deleteMany({ where: { userId } });
  disconnectRoom(userRoom(userId));
  return ended.count;
}

/** Every session of the user but the one they act from (a password change from this tab). */
export async function endOtherSessions(userId: string, keepSessionId: string | null): Promise<number> {
  if (!keepSessionId) return endUserSessions(userId);
  const others = await db.session.findMany({ where: { userId, id: { not: keepSessionId } }, select: { id: true } });
  const ids = others.map((s) => s.id);
  const ended = await db.session.deleteMany({ where: { id: { in: ids } } });
  for (const id of ids) disconnectRoom(sessionRoom(id));
  return ended.count;
}

export async function deleteExpiredSessions(): Promise<number> {
  return (await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } })).count;
}
