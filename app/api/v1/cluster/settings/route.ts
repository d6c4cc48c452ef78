import { apiRoute } from "@/lib/api/apiRoute";
import { clusterQuerySchema } from "@/lib/cluster/clusterInput";
import { resolveClusterId } from "@/lib/cluster/clusters";
import { getClusterSettings, saveClusterSettings } from "@/lib/cluster/clusterSettings";
import { clusterSettingsSchema } from "@/lib/cluster/clusterSettingsSchema";
import { settingsReply } from "@/lib/cluster/settingsReply";

// Predates clusters: acts on ?cluster=<id>, else the first cluster. New callers use /clusters/{id}/settings.
export const GET = apiRoute({ role: "viewer" }, async ({ query }) => {
  const id = await resolveClusterId(query(clusterQuerySchema).cluster);
  return settingsReply(id, await getClusterSettings(id));
});

export const PUT = apiRoute({ role: "operator" }, async ({ body, query, actor }) => {
  const id = await resolveClusterId(query(clusterQuerySchema).cluster);
  return settingsReply(id, await saveClusterSettings(id, await body(clusterSettingsSchema), actor));
});
