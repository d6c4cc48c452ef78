import { env } from "../env.ts";

/** httpOnly so scripts cannot read it, SameSite=Lax against cross-site posts, Secure behind https. */
export function sessionCookieOptions(requestIsHttps: boolean, expires: Date) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: env().ARMDECK_SECURE_COOKIES ?? requestIsHttps,
    path: "/",
    expires,
  };
}
