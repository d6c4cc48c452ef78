import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { db } from "../db/client.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { endOtherSessions } from "./sessions.ts";

/**
 * A signed-in user sets a new password after proving the current one. Every other session of the
 * user ends (a password change is what people do when they fear someone else is signed in).
 */
export async function changeOwnPassword(userId: string, currentPassword: string, newPassword: string, keepSessionId: string | null, actor: AuditActor): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFoundError("User");
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    await recordAuditEvent({ actor, action: "user.password", target: user.username, result: "failure", detail: { reason: "wrong current password" } });
    throw new ValidationError({ currentPassword: "This is not your current password" });
  }
  if (currentPassword === newPassword) throw new ValidationError({ newPassword: "Choose a password different from the current one" });
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword) } });
  const ended = await endOtherSessions(userId, keepSessionId);
  await recordAuditEvent({ actor, action: "user.password", target: user.username, result: "success", detail: { otherSessionsEnded: ended } });
}
