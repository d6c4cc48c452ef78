import { apiRoute } from "@/lib/api/apiRoute";
import { clusterIdParam } from "@/lib/cluster/clusters";
import { getClusterSettings, saveClusterSettings } from "@/lib/cluster/clusterSettings";
import { clusterSettingsSchema } from "@/lib/cluster/clusterSettingsSchema";
import { settingsReply } from "@/lib/cluster/settingsReply";

type Params = { id: string };

export const GET = apiRoute<Params>({ role: "viewer" }, async ({ params }) => {
  const id = await clusterIdParam(params.id);
  return settingsReply(id, await getClusterSettings(id));
});

export const PUT = apiRoute<Params>({ role: "operator" }, async ({ params, body, actor }) => {
  const id = await clusterIdParam(params.id);
  return settingsReply(id, await saveClusterSettings(id, await body(clusterSettingsSchema), actor));
});
