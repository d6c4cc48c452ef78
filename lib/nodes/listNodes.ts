import { db } from "../db/client.ts";
import { toNodeView, type NodeView } from "./nodeView.ts";

/** Every node, or one cluster's. */
export async function listNodes(clusterId?: number): Promise<NodeView[]> {
  return (await db.node.findMany({ where: clusterId === undefined ? {} : { clusterId }, orderBy: { name: "asc" } })).map(toNodeView);
}

export async function listNodeIds(): Promise<string[]> {
  return (await db.node.findMany({ select: { id: true }, orderBy: { name: "asc" } })).map((n) => n.id);
}
