import crypto from "node:crypto";
import { checkOrigin } from "../http/originCheck.ts";
import type { Principal } from "./principal.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * A cookie-authenticated write must carry the session's token in X-CSRF-Token and come from our
 * own origin. Bearer tokens are not sent by browsers on their own, so they need neither.
 * Returns why the request is refused, or null when it may go on.
 */
export function csrfRefusal(
  principal: Principal,
  req: { method: string; csrfHeader: string | null; origin: string | null; expectedOrigin: string },
): string | null {
  if (principal.via === "token" || isSafeMethod(req.method)) return null;
  if (checkOrigin(req.origin, req.expectedOrigin) !== "same") return "Cross-origin request refused (Origin header missing or foreign)";
  const given = Buffer.from(req.csrfHeader ?? "", "utf8");
  const expected = Buffer.from(principal.csrfToken, "utf8");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return "Missing or wrong X-CSRF-Token";
  return null;
}
