import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/apiRoute";
import { expectedOrigin, isHttps } from "@/lib/api/requestMeta";
import { recordAuditEvent } from "@/lib/audit/recordAuditEvent";
import { setupSchema } from "@/lib/auth/authInput";
import { sessionCookieOptions } from "@/lib/auth/sessionCookie";
import { createSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { completeSetup } from "@/lib/auth/setupToken";
import { ForbiddenError } from "@/lib/errors";
import { checkOrigin } from "@/lib/http/originCheck";

/** Public only while no user exists, and only with the one-time token printed at start. */
export const POST = apiRoute({ public: true }, async ({ req, body, ip }) => {
  if (checkOrigin(req.headers.get("origin"), expectedOrigin(req.headers)) === "foreign") throw new ForbiddenError("Cross-origin setup refused");
  const input = await body(setupSchema);
  const user = await completeSetup(input.token, input.username, input.password);
  await recordAuditEvent({ actor: { userId: user.id, username: user.username, ip }, action: "auth.setup", target: user.username, result: "success" });
  const session = await createSession(user.id, { ip, userAgent: req.headers.get("user-agent") });
  const res = NextResponse.json({ csrfToken: session.csrfToken, user }, { status: 201 });
  res.cookies.set(SESSION_COOKIE, session.cookieValue, sessionCookieOptions(isHttps(req.headers), session.expiresAt));
  return res;
});
