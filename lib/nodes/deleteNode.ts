import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { db } from "../db/client.ts";
import { publish, ROOMS } from "../realtime/publish.ts";
import { reloadPollerFor } from "../upstream/pollers.ts";
import { getNodeRow } from "./getNode.ts";

export async function deleteNode(id: string, actor: AuditActor): Promise<void> {
  const row = await getNodeRow(id);
  await db.node.delete({ where: { id } });
  await recordAuditEvent({ actor, action: "node.delete", target: row.name, result: "success", detail: { id, address: row.address } });
  publish(ROOMS.nodes, "node:changed", { id: id });
  await reloadPollerFor(String(row.clusterId)); // a master gone is an endpoint gone
}
