import { apiRoute } from "@/lib/api/apiRoute";
import { changePasswordSchema } from "@/lib/auth/authInput";
import { changeOwnPassword } from "@/lib/auth/changeOwnPassword";

/** Any signed-in user changes their own password; their other sessions end. */
export const POST = apiRoute({ role: "viewer" }, async ({ principal, body, actor }) => {
  const { currentPassword, newPassword } = await body(changePasswordSchema);
  await changeOwnPassword(principal.userId, currentPassword, newPassword, principal.via === "session" ? principal.sessionId : null, actor);
  return { ok: true };
});
