import { db } from "../db/client.ts";
import { ConflictError, UnauthenticatedError } from "../errors.ts";
import { countUsers, createUser, type UserView } from "./users.ts";
import { randomToken, tokenHash } from "./randomToken.ts";

const SETUP_TOKEN_HOURS = 24;

/** First start with no users: a fresh one-time token, printed as a link by server.ts. */
export async function issueSetupToken(): Promise<string | null> {
  if ((await countUsers()) > 0) return null;
  const token = randomToken();
  // Only the newest printed link works; older ones from earlier starts are void.
  await db.setupToken.deleteMany({});
  await db.setupToken.create({ data: { tokenHash: tokenHash(token), expiresAt: new Date(Date.now() + SETUP_TOKEN_HOURS * 3600_000) } });
  return token;
}

export async function setupTokenIsValid(token: string): Promise<boolean> {
  const row = await db.setupToken.findUnique({ where: { tokenHash: tokenHash(token) } });
  return !!row && !row.usedAt && row.expiresAt.getTime() > Date.now() && (await countUsers()) === 0;
}

/** Creates the first admin; the token and the "no users yet" state are both consumed atomically. */
export async function completeSetup(token: string, username: string, password: string): Promise<UserView> {
  if ((await countUsers()) > 0) throw new ConflictError("Armdeck is already set up: sign in instead");
  const consumed = await db.setupToken.updateMany({
    where: { tokenHash: tokenHash(token), usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (consumed.count !== 1) throw new UnauthenticatedError("This setup link is invalid, used or expired: restart Armdeck to print a new one");
  return createUser(username, password, "admin");
}
