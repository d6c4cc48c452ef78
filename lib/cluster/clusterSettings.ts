import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { db } from "../db/client.ts";
import { clusterSettingsSchema, DEFAULT_SETTINGS, type ClusterSettings } from "./clusterSettingsSchema.ts";

export async function getClusterSettings(): Promise<ClusterSettings> {
  const row = await db.clusterSettings.findUnique({ where: { id: 1 } });
  // Parsing through the schema fills settings added after the row was saved with their defaults.
  return row ? clusterSettingsSchema.parse(JSON.parse(row.json)) : DEFAULT_SETTINGS;
}

export async function saveClusterSettings(input: unknown, actor: AuditActor): Promise<ClusterSettings> {
  const before = await getClusterSettings();
  const settings = clusterSettingsSchema.parse(input);
  await db.clusterSettings.upsert({
    where: { id: 1 },
    create: { id: 1, json: JSON.stringify(settings), updatedBy: actor.username },
    update: { json: JSON.stringify(settings), updatedBy: actor.username },
  });
  const changed = Object.fromEntries(
    Object.entries(settings).filter(([k, v]) => before[k as keyof ClusterSettings] !== v).map(([k, v]) => [k, { from: before[k as keyof ClusterSettings], to: v }]),
  );
  await recordAuditEvent({ actor, action: "cluster.settings", target: "cluster", result: "success", detail: { changed } });
  return settings;
}
