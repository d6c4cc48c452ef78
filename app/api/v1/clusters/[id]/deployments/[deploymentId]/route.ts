import { apiRoute } from "@/lib/api/apiRoute";
import { cancelDeployment } from "@/lib/deploy/appActions";
import { forceQuerySchema } from "@/lib/deploy/deployInput";
import { followDeployment } from "@/lib/deploy/followDeployment";

export const GET = apiRoute<{ id: string; deploymentId: string }>({ role: "viewer" }, async ({ params }) => followDeployment(params.id, params.deploymentId));

/** Roll back (a new deployment to follow), or with ?force=true stop it as it is. */
export const DELETE = apiRoute<{ id: string; deploymentId: string }>({ role: "operator" }, async ({ params, query, actor }) => {
  const { force } = query(forceQuerySchema);
  return cancelDeployment(params.id, params.deploymentId, force, actor);
});
