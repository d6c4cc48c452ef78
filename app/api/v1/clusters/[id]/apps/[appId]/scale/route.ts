import { apiRoute } from "@/lib/api/apiRoute";
import { scaleApp } from "@/lib/deploy/appActions";
import { forceQuerySchema, scaleBodySchema } from "@/lib/deploy/deployInput";
import { idSegment } from "@/lib/deploy/idSegment";

export const POST = apiRoute<{ id: string; appId: string }>({ role: "operator" }, async ({ params, body, query, actor }) => {
  const { instances } = await body(scaleBodySchema);
  const { force } = query(forceQuerySchema);
  return scaleApp(params.id, idSegment(params.appId), instances, force, actor);
});
