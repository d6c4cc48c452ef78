import { db } from "../db/client.ts";
import { NotFoundError } from "../errors.ts";
import { tokenRoom } from "../realtime/credentialRooms.ts";
import { disconnectRoom } from "../realtime/publish.ts";
import { randomToken, tokenHash } from "./randomToken.ts";
import type { Role } from "./roles.ts";

// The "ad_" prefix lets secret scanners and people recognise an Armdeck token.
const TOKEN_PREFIX = "ad_";

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function toView(t: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }): ApiTokenView {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/** The plain token is returned here once and never stored. */
export async function createApiToken(userId: string, name: string): Promise<{ token: string; view: ApiTokenView }> {
  const token = randomToken(TOKEN_PREFIX);
  const row = await db.apiToken.create({
    data: { userId, name, prefix: token.slice(0, TOKEN_PREFIX.length + 6), tokenHash: tokenHash(token) },
  });
  return { token, view: toView(row) };
}

export async function listApiTokens(userId: string): Promise<ApiTokenView[]> {
  return (await db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" } })).map(toView);
}

export async function revokeApiToken(userId: string, id: string): Promise<ApiTokenView> {
  const row = await db.apiToken.findFirst({ where: { id, userId } });
  if (!row) throw new NotFoundError("API token");
  const revoked = row.revokedAt ? row : await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  disconnectRoom(tokenRoom(id));
  return toView(revoked);
}

export async function findApiTokenUser(token: string): Promise<{ tokenId: string; userId: string; username: string; role: Role } | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: tokenHash(token) }, include: { user: true } });
  if (!row || row.revokedAt || row.user.disabled) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { tokenId: row.id, userId: row.userId, username: row.user.username, role: row.user.role as Role };
}
