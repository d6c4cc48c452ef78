import { apiRoute } from "@/lib/api/apiRoute";
import { deleteApp } from "@/lib/deploy/appActions";
import { forceQuerySchema } from "@/lib/deploy/deployInput";
import { idSegment } from "@/lib/deploy/idSegment";

export const DELETE = apiRoute<{ id: string; appId: string }>({ role: "operator" }, async ({ params, query, actor }) => {
  const { force } = query(forceQuerySchema);
  return deleteApp(params.id, idSegment(params.appId), force, actor);
});
