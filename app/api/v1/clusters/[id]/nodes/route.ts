import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/apiRoute";
import { clusterIdParam } from "@/lib/cluster/clusters";
import { createNode } from "@/lib/nodes/createNode";
import { createNodeSchema } from "@/lib/nodes/nodeInput";
import { listNodes } from "@/lib/nodes/listNodes";

type Params = { id: string };

export const GET = apiRoute<Params>({ role: "viewer" }, async ({ params }) => ({ nodes: await listNodes(await clusterIdParam(params.id)) }));

/** The wizard's last step: the node joins this cluster (the path wins over a body clusterId). */
export const POST = apiRoute<Params>({ role: "operator" }, async ({ params, body, actor }) => {
  const clusterId = await clusterIdParam(params.id);
  const node = await createNode({ ...(await body(createNodeSchema)), clusterId }, actor);
  return NextResponse.json(node, { status: 201 });
});
