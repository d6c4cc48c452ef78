import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { authenticate, type Principal } from "./principal.ts";
import { roleAllows, type Role } from "./roles.ts";

/** For server components: the signed-in user, or a redirect to /login (server.ts gates first). */
export async function pagePrincipal(): Promise<Principal> {
  const principal = await authenticate({ cookie: (await cookies()).toString(), authorization: (await headers()).get("authorization") });
  if (!principal) redirect("/login");
  return principal;
}

export async function optionalPagePrincipal(): Promise<Principal | null> {
  return authenticate({ cookie: (await cookies()).toString(), authorization: null });
}

export function pageRoleAllows(principal: Principal, role: Role): boolean {
  return roleAllows(principal.role, role);
}
