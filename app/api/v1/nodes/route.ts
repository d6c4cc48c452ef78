import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/apiRoute";
import { createNode } from "@/lib/nodes/createNode";
import { createNodeSchema } from "@/lib/nodes/nodeInput";
import { listNodes } from "@/lib/nodes/listNodes";

export const GET = apiRoute({ role: "viewer" }, async () => ({ nodes: await listNodes() }));

export const POST = apiRoute({ role: "operator" }, async ({ body, actor }) => {
  const node = await createNode(await body(createNodeSchema), actor);
  return NextResponse.json(node, { status: 201 });
});
