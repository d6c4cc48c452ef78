import { apiRoute } from "@/lib/api/apiRoute";
import { deleteGroup } from "@/lib/deploy/appActions";
import { forceQuerySchema } from "@/lib/deploy/deployInput";
import { idSegment } from "@/lib/deploy/idSegment";

export const DELETE = apiRoute<{ id: string; groupId: string }>({ role: "operator" }, async ({ params, query, actor }) => {
  const { force } = query(forceQuerySchema);
  return deleteGroup(params.id, idSegment(params.groupId), force, actor);
});
