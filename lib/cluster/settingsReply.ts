import { DEFAULT_SETTINGS, settingsWarnings, type ClusterSettings } from "./clusterSettingsSchema.ts";

export function settingsReply(clusterId: number, settings: ClusterSettings) {
  return { clusterId, settings, defaults: DEFAULT_SETTINGS, warnings: settingsWarnings(settings) };
}
