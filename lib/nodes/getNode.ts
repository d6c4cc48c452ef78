import { db } from "../db/client.ts";
import { NotFoundError } from "../errors.ts";
import { toNodeView, type NodeView } from "./nodeView.ts";

export async function getNodeRow(id: string) {
  const node = await db.node.findUnique({ where: { id } });
  if (!node) throw new NotFoundError("Node");
  return node;
}

export async function getNode(id: string): Promise<NodeView> {
  return toNodeView(await getNodeRow(id));
}
