import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { db } from "../db/client.ts";
import { ConflictError } from "../errors.ts";
import { reloadPollerFor } from "../upstream/pollers.ts";
import { getCluster } from "./clusters.ts";
import { clusterSettingsSchema, type ClusterSettings } from "./clusterSettingsSchema.ts";

/** A provisioned cluster's settings; an adopted cluster has none (Armdeck did not build it). */
export async function getClusterSettings(clusterId: number): Promise<ClusterSettings> {
  const cluster = await getCluster(clusterId);
  if (!cluster.settings) throw new ConflictError(`Cluster ${cluster.name} is adopted: it has endpoints, not build settings`);
  return cluster.settings;
}

export async function saveClusterSettings(clusterId: number, input: unknown, actor: AuditActor): Promise<ClusterSettings> {
  const before = await getClusterSettings(clusterId);
  const settings = clusterSettingsSchema.parse(input);
  await db.cluster.update({ where: { id: clusterId }, data: { settings, updatedBy: actor.username } });
  // The ports are part of the derived endpoints.
  await reloadPollerFor(String(clusterId));
  const changed = Object.fromEntries(
    Object.entries(settings).filter(([k, v]) => before[k as keyof ClusterSettings] !== v).map(([k, v]) => [k, { from: before[k as keyof ClusterSettings], to: v }]),
  );
  await recordAuditEvent({ actor, action: "cluster.settings", target: `cluster ${clusterId}`, result: "success", detail: { clusterId, changed } });
  return settings;
}
