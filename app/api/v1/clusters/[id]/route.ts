import { apiRoute } from "@/lib/api/apiRoute";
import { updateClusterSchema } from "@/lib/cluster/clusterInput";
import { clusterIdParam, getCluster, toClusterView } from "@/lib/cluster/clusters";
import { deleteCluster, updateCluster } from "@/lib/cluster/clusterWrites";

type Params = { id: string };

export const GET = apiRoute<Params>({ role: "viewer" }, async ({ params }) => toClusterView(await getCluster(await clusterIdParam(params.id))));

export const PATCH = apiRoute<Params>({ role: "operator" }, async ({ params, body, actor }) => {
  const id = await clusterIdParam(params.id);
  return updateCluster(id, await body(updateClusterSchema), actor);
});

export const DELETE = apiRoute<Params>({ role: "admin" }, async ({ params, actor }) => deleteCluster(await clusterIdParam(params.id), actor));
