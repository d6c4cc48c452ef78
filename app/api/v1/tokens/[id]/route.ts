import { apiRoute } from "@/lib/api/apiRoute";
import { recordAuditEvent } from "@/lib/audit/recordAuditEvent";
import { revokeApiToken } from "@/lib/auth/apiTokens";

export const DELETE = apiRoute<{ id: string }>({ role: "viewer" }, async ({ principal, params, actor }) => {
  const view = await revokeApiToken(principal.userId, params.id);
  await recordAuditEvent({ actor, action: "token.revoke", target: view.name, result: "success", detail: { id: view.id } });
  return view;
});
