import { apiRoute } from "@/lib/api/apiRoute";
import { repinSchema } from "@/lib/nodes/nodeInput";
import { repinHostKey } from "@/lib/nodes/repinHostKey";

/** Re-pinning a changed host key is an admin decision. */
export const POST = apiRoute<{ id: string }>({ role: "admin" }, async ({ params, body, actor }) => {
  const { hostKeyFingerprint } = await body(repinSchema);
  return repinHostKey(params.id, hostKeyFingerprint, actor);
});
