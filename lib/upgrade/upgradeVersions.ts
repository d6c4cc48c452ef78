import type { ClusterSettings } from "../cluster/clusterSettingsSchema.ts";
import type { RecipeNode } from "../recipes/recipeTypes.ts";

// Client-safe: what an upgrade changes, from what each node runs to what the settings say.

export const UPGRADABLE = ["mesos", "marathon", "weave"] as const;
export type UpgradableComponent = (typeof UPGRADABLE)[number];
export const UPGRADABLE_LABELS: Record<UpgradableComponent, string> = { mesos: "Mesos", marathon: "Marathon", weave: "Weave Net" };
const SETTING: Record<UpgradableComponent, "mesosVersion" | "marathonVersion" | "weaveVersion"> = { mesos: "mesosVersion", marathon: "marathonVersion", weave: "weaveVersion" };

/** Per node: the settings of the run that last installed it (the versions and paths it runs), or null. */
export type InstalledSettings = Map<string, ClusterSettings | null>;

export interface VersionChange {
  component: UpgradableComponent;
  from: string;
  to: string;
  nodes: { id: string; name: string }[];
}

/** Which nodes a component runs on: Mesos and Weave everywhere, Marathon on the masters. */
const runsOn = (component: UpgradableComponent, n: RecipeNode) => component !== "marathon" || n.isMaster;

/**
 * The changes between what is installed and the settings, one per component and old version
 * ("Mesos 1.4.0 → 1.11.0 on 4 nodes"). A node that never installed anything is not upgraded: it
 * needs Bring up.
 */
export function versionChanges(settings: ClusterSettings, nodes: RecipeNode[], installed: InstalledSettings): VersionChange[] {
  const changes: VersionChange[] = [];
  for (const component of UPGRADABLE) {
    const to = settings[SETTING[component]];
    const byFrom = new Map<string, VersionChange>();
    for (const node of nodes.filter((n) => runsOn(component, n))) {
      const from = installed.get(node.id)?.[SETTING[component]];
      if (!from || from === to) continue;
      const change = byFrom.get(from) ?? { component, from, to, nodes: [] };
      change.nodes.push({ id: node.id, name: node.name });
      byFrom.set(from, change);
    }
    changes.push(...byFrom.values());
  }
  return changes;
}

export function describeChange(c: VersionChange): string {
  return `${UPGRADABLE_LABELS[c.component]} ${c.from} → ${c.to} on ${c.nodes.length} node${c.nodes.length === 1 ? "" : "s"}`;
}
