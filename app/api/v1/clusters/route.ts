import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/apiRoute";
import { createClusterSchema } from "@/lib/cluster/clusterInput";
import { listClusters, toClusterView } from "@/lib/cluster/clusters";
import { createCluster } from "@/lib/cluster/clusterWrites";

export const GET = apiRoute({ role: "viewer" }, async () => ({ clusters: (await listClusters()).map(toClusterView) }));

/** Registers a cluster; every endpoint is probed and the reply says what answered (a failed probe does not refuse the save). */
export const POST = apiRoute({ role: "operator" }, async ({ body, actor }) => {
  const cluster = await createCluster(await body(createClusterSchema), actor);
  return NextResponse.json(cluster, { status: 201 });
});
