import { getClusterSettings } from "../cluster/clusterSettings.ts";
import { loadRecipeNodes } from "../jobs/recipeNodes.ts";
import { installedSettings } from "./installedVersions.ts";
import { knownLeader } from "./knownLeader.ts";
import { buildUpgradePlan, type UpgradePlan } from "./upgradePlan.ts";
import { versionChanges, type VersionChange } from "./upgradeVersions.ts";

/** The upgrade plan of one cluster: its settings against what its nodes run, ordered by its leader. */
export async function planUpgrade(clusterId: number): Promise<UpgradePlan> {
  const [settings, nodes] = await Promise.all([getClusterSettings(clusterId), loadRecipeNodes(clusterId)]);
  const [installed, leader] = await Promise.all([installedSettings(clusterId, nodes), knownLeader(clusterId)]);
  return buildUpgradePlan(settings, nodes, installed, leader);
}

/** What the cluster home offers: the version changes, empty when every node runs its settings. */
export async function pendingUpgrade(clusterId: number): Promise<VersionChange[]> {
  const [settings, nodes] = await Promise.all([getClusterSettings(clusterId), loadRecipeNodes(clusterId)]);
  return versionChanges(settings, nodes, await installedSettings(clusterId, nodes));
}
