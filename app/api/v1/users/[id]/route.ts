import { apiRoute } from "@/lib/api/apiRoute";
import { recordAuditEvent } from "@/lib/audit/recordAuditEvent";
import { updateUserSchema } from "@/lib/auth/userInput";
import { deleteUser, updateUser } from "@/lib/auth/users";
import { ConflictError } from "@/lib/errors";

export const PATCH = apiRoute<{ id: string }>({ role: "admin" }, async ({ params, body, actor, principal }) => {
  const change = await body(updateUserSchema);
  // An admin cannot lock themselves out; another admin has to do it.
  if (params.id === principal.userId && (change.disabled || (change.role && change.role !== "admin"))) {
    throw new ConflictError("You cannot demote or disable your own account");
  }
  const user = await updateUser(params.id, change);
  const detail = { role: change.role, disabled: change.disabled, passwordChanged: change.password !== undefined };
  await recordAuditEvent({ actor, action: "user.update", target: user.username, result: "success", detail });
  return user;
});

export const DELETE = apiRoute<{ id: string }>({ role: "admin" }, async ({ params, actor, principal }) => {
  if (params.id === principal.userId) throw new ConflictError("You cannot delete your own account");
  const user = await deleteUser(params.id);
  await recordAuditEvent({ actor, action: "user.delete", target: user.username, result: "success" });
  return { ok: true };
});
