import { apiRoute } from "@/lib/api/apiRoute";
import { getClusterSettings, saveClusterSettings } from "@/lib/cluster/clusterSettings";
import { clusterSettingsSchema, DEFAULT_SETTINGS, settingsWarnings } from "@/lib/cluster/clusterSettingsSchema";

export const GET = apiRoute({ role: "viewer" }, async () => {
  const settings = await getClusterSettings();
  return { settings, defaults: DEFAULT_SETTINGS, warnings: settingsWarnings(settings) };
});

export const PUT = apiRoute({ role: "operator" }, async ({ body, actor }) => {
  const settings = await saveClusterSettings(await body(clusterSettingsSchema), actor);
  return { settings, defaults: DEFAULT_SETTINGS, warnings: settingsWarnings(settings) };
});
