import { clusterSettingsSchema } from "../cluster/clusterSettingsSchema.ts";

const verifyOnly = clusterSettingsSchema.pick({ verifyIntervalMinutes: true });

/**
 * How often Verify runs on one cluster, in ms: its `verifyIntervalMinutes` setting when set (0 = off),
 * else the server's default (ARMDECK_VERIFY_INTERVAL_S). Settings that do not parse keep the default.
 */
export function verifyIntervalMs(settings: unknown, defaultMs: number): number {
  const parsed = verifyOnly.safeParse(settings ?? {});
  const minutes = parsed.success ? parsed.data.verifyIntervalMinutes : undefined;
  return minutes === undefined ? defaultMs : minutes * 60_000;
}
