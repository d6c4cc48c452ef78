import { apiRoute } from "@/lib/api/apiRoute";
import { deleteNode } from "@/lib/nodes/deleteNode";
import { getNode } from "@/lib/nodes/getNode";
import { updateNodeSchema } from "@/lib/nodes/nodeInput";
import { updateNode } from "@/lib/nodes/updateNode";

type Params = { id: string };

export const GET = apiRoute<Params>({ role: "viewer" }, async ({ params }) => getNode(params.id));

export const PATCH = apiRoute<Params>({ role: "operator" }, async ({ params, body, actor }) =>
  updateNode(params.id, await body(updateNodeSchema), actor),
);

export const DELETE = apiRoute<Params>({ role: "operator" }, async ({ params, actor }) => {
  await deleteNode(params.id, actor);
  return { ok: true };
});
