import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/apiRoute";
import { recordAuditEvent } from "@/lib/audit/recordAuditEvent";
import { deleteSession, SESSION_COOKIE } from "@/lib/auth/sessions";

export const POST = apiRoute({ role: "viewer" }, async ({ principal, actor }) => {
  if (principal.via === "session") await deleteSession(principal.sessionId);
  await recordAuditEvent({ actor, action: "auth.logout", target: principal.username, result: "success" });
  const res = NextResponse.json({ ok: true });
  res.cookies.delete(SESSION_COOKIE);
  return res;
});
