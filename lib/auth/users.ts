import { db } from "../db/client.ts";
import { ConflictError, NotFoundError } from "../errors.ts";
import { hashPassword } from "./password.ts";
import { endUserSessions } from "./sessions.ts";
import { userRoom } from "../realtime/credentialRooms.ts";
import { disconnectRoom } from "../realtime/publish.ts";
import type { Role } from "./roles.ts";

export interface UserView {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export function toUserView(u: { id: string; username: string; role: string; disabled: boolean; createdAt: Date }): UserView {
  return { id: u.id, username: u.username, role: u.role as Role, disabled: u.disabled, createdAt: u.createdAt.toISOString() };
}

export async function countUsers(): Promise<number> {
  return db.user.count();
}

export async function listUsers(): Promise<UserView[]> {
  return (await db.user.findMany({ orderBy: { username: "asc" } })).map(toUserView);
}

export async function createUser(username: string, password: string, role: Role): Promise<UserView> {
  if (await db.user.findUnique({ where: { username } })) throw new ConflictError(`User ${username} already exists`);
  return toUserView(await db.user.create({ data: { username, role, passwordHash: await hashPassword(password) } }));
}

export async function updateUser(id: string, change: { role?: Role; disabled?: boolean; password?: string }): Promise<UserView> {
  const existing = await db.user.findUnique({ where: { id } });
  if (!existing) throw new NotFoundError("User");
  const user = await db.user.update({
    where: { id },
    data: {
      role: change.role,
      disabled: change.disabled,
      passwordHash: change.password ? await hashPassword(change.password) : undefined,
    },
  });
  // A role change, a disable or a new password ends the user's open sessions and sockets.
  await endUserSessions(id);
  return toUserView(user);
}

export async function deleteUser(id: string): Promise<UserView> {
  const existing = await db.user.findUnique({ where: { id } });
  if (!existing) throw new NotFoundError("User");
  await db.user.delete({ where: { id } });
  // Sessions go with the row (cascade); its sockets (tokens' too) must go with them.
  disconnectRoom(userRoom(id));
  return toUserView(existing);
}

/** ARMDECK_ADMIN_PASSWORD: create user "admin", or reset its password and role, non-interactively. */
export async function ensureAdminFromPassword(password: string): Promise<"created" | "reset"> {
  const passwordHash = await hashPassword(password);
  const existing = await db.user.findUnique({ where: { username: "admin" } });
  if (existing) {
    await db.user.update({ where: { id: existing.id }, data: { passwordHash, role: "admin", disabled: false } });
    await endUserSessions(existing.id);
    return "reset";
  }
  await db.user.create({ data: { username: "admin", role: "admin", passwordHash } });
  return "created";
}
