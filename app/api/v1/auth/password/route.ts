import { z } from "zod";
import { apiRoute } from "@/lib/api/apiRoute";
import { changeOwnPassword } from "@/lib/auth/changeOwnPassword";
import { passwordSchema } from "@/lib/auth/passwordPolicy";

const changePasswordSchema = z.object({ currentPassword: z.string().min(1, "Required").max(256), newPassword: passwordSchema });

/** Any signed-in user changes their own password; their other sessions end. */
export const POST = apiRoute({ role: "viewer" }, async ({ principal, body, actor }) => {
  const { currentPassword, newPassword } = await body(changePasswordSchema);
  await changeOwnPassword(principal.userId, currentPassword, newPassword, principal.via === "session" ? principal.sessionId : null, actor);
  return { ok: true };
});
