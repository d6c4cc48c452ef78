import { db } from "../db/client.ts";
import type { LoginAttemptOutcome } from "../db/generated/client.ts";
import { TooManyRequestsError } from "../errors.ts";

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_USER_AND_IP = 5;
export const MAX_FAILURES_PER_IP = 30;

/**
 * Admits one sign-in attempt or refuses it, BEFORE the password is checked: the attempt is
 * counted (as pending) in the same statement that counts the window, so a burst of concurrent
 * guesses cannot all read "4 failures so far" while the slow hashes run. One INSERT … SELECT is
 * atomic in SQLite, across processes too (writers are serialized), which Prisma's query API
 * cannot express; an interactive transaction would hold the one connection across awaits.
 * Returns the attempt's id, to be settled with settleLoginAttempt.
 */
export async function admitLoginAttempt(username: string, ip: string | null): Promise<number> {
  const now = new Date();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  await db.loginAttempt.deleteMany({ where: { at: { lt: since } } });
  const admitted = await db.$queryRaw<{ id: number | bigint }[]>`
    INSERT INTO "LoginAttempt" ("at", "username", "ip", "outcome")
    SELECT ${now}, ${username}, ${ip}, 'pending'
    WHERE (SELECT count(*) FROM "LoginAttempt"
           WHERE "username" = ${username} AND "ip" IS ${ip} AND "outcome" <> 'succeeded' AND "at" >= ${since}) < ${MAX_FAILURES_PER_USER_AND_IP}
      AND (${ip} IS NULL OR (SELECT count(*) FROM "LoginAttempt"
           WHERE "ip" = ${ip} AND "outcome" <> 'succeeded' AND "at" >= ${since}) < ${MAX_FAILURES_PER_IP})
    RETURNING "id"`;
  if (admitted[0]) return Number(admitted[0].id);
  throw new TooManyRequestsError(await secondsUntilAllowed(username, ip, since));
}

/** A success stops counting; a failure keeps counting until it leaves the window. */
export async function settleLoginAttempt(id: number, outcome: Exclude<LoginAttemptOutcome, "pending">): Promise<void> {
  await db.loginAttempt.update({ where: { id }, data: { outcome } });
}

/** For Retry-After: when the oldest attempt that keeps the limit reached leaves the window. */
async function secondsUntilAllowed(username: string, ip: string | null, since: Date): Promise<number> {
  const counting = (where: object, limit: number) =>
    db.loginAttempt.findMany({ where: { outcome: { not: "succeeded" }, at: { gte: since }, ...where }, orderBy: { at: "desc" }, take: limit, select: { at: true } });
  const forPair = await counting({ username, ip }, MAX_FAILURES_PER_USER_AND_IP);
  const blocking = forPair.length >= MAX_FAILURES_PER_USER_AND_IP ? forPair : ip ? await counting({ ip }, MAX_FAILURES_PER_IP) : [];
  const oldest = blocking[blocking.length - 1]?.at ?? new Date();
  return Math.max(1, Math.ceil((oldest.getTime() + LOGIN_WINDOW_MS - Date.now()) / 1000));
}
