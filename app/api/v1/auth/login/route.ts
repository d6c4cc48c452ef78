import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/apiRoute";
import { expectedOrigin, isHttps } from "@/lib/api/requestMeta";
import { loginSchema } from "@/lib/auth/authInput";
import { login } from "@/lib/auth/login";
import { sessionCookieOptions } from "@/lib/auth/sessionCookie";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { ForbiddenError } from "@/lib/errors";
import { checkOrigin } from "@/lib/http/originCheck";

export const POST = apiRoute({ public: true }, async ({ req, body, ip }) => {
  // Login CSRF: a browser always sends Origin on a cross-site POST, so a foreign one is refused.
  if (checkOrigin(req.headers.get("origin"), expectedOrigin(req.headers)) === "foreign") throw new ForbiddenError("Cross-origin sign-in refused");
  const { username, password } = await body(loginSchema);
  const result = await login(username, password, { ip, userAgent: req.headers.get("user-agent") });
  const res = NextResponse.json({ csrfToken: result.csrfToken, user: result.user, expiresAt: result.expiresAt.toISOString() });
  res.cookies.set(SESSION_COOKIE, result.cookieValue, sessionCookieOptions(isHttps(req.headers), result.expiresAt));
  return res;
});
