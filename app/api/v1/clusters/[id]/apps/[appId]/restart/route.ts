import { apiRoute } from "@/lib/api/apiRoute";
import { restartApp } from "@/lib/deploy/appActions";
import { forceQuerySchema } from "@/lib/deploy/deployInput";
import { idSegment } from "@/lib/deploy/idSegment";

export const POST = apiRoute<{ id: string; appId: string }>({ role: "operator" }, async ({ params, query, actor }) => {
  const { force } = query(forceQuerySchema);
  return restartApp(params.id, idSegment(params.appId), force, actor);
});
