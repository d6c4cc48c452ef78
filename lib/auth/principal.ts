import { parse as parseCookies } from "cookie";
import { findApiTokenUser } from "./apiTokens.ts";
import { findSession, SESSION_COOKIE } from "./sessions.ts";
import type { Role } from "./roles.ts";

/** Who is calling, and how they proved it: the one answer every page, route and socket asks for. */
export type Principal =
  | { via: "session"; userId: string; username: string; role: Role; sessionId: string; csrfToken: string; expiresAt: Date }
  | { via: "token"; userId: string; username: string; role: Role; tokenId: string };

export interface CredentialHeaders {
  cookie?: string | null;
  authorization?: string | null;
}

export async function authenticate(headers: CredentialHeaders): Promise<Principal | null> {
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const user = await findApiTokenUser(bearer);
    return user ? { via: "token", ...user } : null;
  }
  const cookieValue = headers.cookie ? parseCookies(headers.cookie)[SESSION_COOKIE] : undefined;
  if (!cookieValue) return null;
  const session = await findSession(cookieValue);
  return session ? { via: "session", ...session } : null;
}
