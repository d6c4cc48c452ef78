import { db } from "../db/client.ts";
import { toNodeView, type NodeView } from "./nodeView.ts";

export async function listNodes(): Promise<NodeView[]> {
  return (await db.node.findMany({ orderBy: { name: "asc" } })).map(toNodeView);
}

export async function listNodeIds(): Promise<string[]> {
  return (await db.node.findMany({ select: { id: true }, orderBy: { name: "asc" } })).map((n) => n.id);
}
