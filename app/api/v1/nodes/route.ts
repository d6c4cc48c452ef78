import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/apiRoute";
import { createNode } from "@/lib/nodes/createNode";
import { createNodeSchema } from "@/lib/nodes/nodeInput";
import { listNodes } from "@/lib/nodes/listNodes";

/** Every cluster's nodes (each says its clusterId); /clusters/{id}/nodes lists one cluster's. */
export const GET = apiRoute({ role: "viewer" }, async () => ({ nodes: await listNodes() }));

/** Adds the node to body.clusterId, else the first cluster. */
export const POST = apiRoute({ role: "operator" }, async ({ body, actor }) => {
  const node = await createNode(await body(createNodeSchema), actor);
  return NextResponse.json(node, { status: 201 });
});
