import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/apiRoute";
import { recordAuditEvent } from "@/lib/audit/recordAuditEvent";
import { createApiToken, listApiTokens } from "@/lib/auth/apiTokens";
import { createTokenSchema } from "@/lib/auth/tokenInput";

export const GET = apiRoute({ role: "viewer" }, async ({ principal }) => ({ tokens: await listApiTokens(principal.userId) }));

/** The token acts with its owner's role; it is in this response once and never again. */
export const POST = apiRoute({ role: "viewer" }, async ({ principal, body, actor }) => {
  const { name } = await body(createTokenSchema);
  const { token, view } = await createApiToken(principal.userId, name);
  await recordAuditEvent({ actor, action: "token.create", target: name, result: "success", detail: { id: view.id, prefix: view.prefix } });
  return NextResponse.json({ token, ...view }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
