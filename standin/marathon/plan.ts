// DeploymentPlan(original, target) as Marathon 1.5.1 computes it (DeploymentPlan.scala:200-335):
// step 1 stops removed apps, step 2 starts new apps at 0 instances, then one step per dependency
// layer (layer = length of the longest outgoing dependency path) with ScaleApplication for new
// apps and for changes of `instances` only, RestartApplication for other changes. Empty steps
// are dropped, so an unchanged tree gives a 0-step plan.

import { specKey } from "./appDefinition";
import { allApps, dependencyEdges } from "./groupTree";
import type { DeploymentStep, Group } from "./types";

export function longestPaths(edges: Map<string, Set<string>>): Map<string, number> {
  const memo = new Map<string, number>();
  const depth = (id: string, seen: Set<string>): number => {
    const m = memo.get(id);
    if (m !== undefined) return m;
    if (seen.has(id)) return 0;
    seen.add(id);
    let best = 0;
    for (const d of edges.get(id) ?? []) best = Math.max(best, depth(d, seen));
    seen.delete(id);
    memo.set(id, best + 1);
    return best + 1;
  };
  for (const id of edges.keys()) depth(id, new Set());
  return memo;
}

export function computePlan(original: Group, target: Group): DeploymentStep[] {
  const before = allApps(original);
  const after = allApps(target);
  const steps: DeploymentStep[] = [];
  steps.push({ actions: [...before.keys()].filter((id) => !after.has(id)).map((app) => ({ action: "StopApplication", app })) });
  steps.push({ actions: [...after.keys()].filter((id) => !before.has(id)).map((app) => ({ action: "StartApplication", app, scaleTo: 0 })) });

  const layers = longestPaths(dependencyEdges(target));
  const byLayer = new Map<number, DeploymentStep>();
  for (const [id, app] of after) {
    const old = before.get(id);
    let action: DeploymentStep["actions"][number] | undefined;
    // A restart keeps the spec but gives it a new config version (AppsResource.restart).
    const sameConfig = !old || old.versionInfo.lastConfigChangeAt === app.versionInfo.lastConfigChangeAt;
    if (!old) action = { action: "ScaleApplication", app: id, scaleTo: app.spec.instances };
    else if (specKey(old.spec) === specKey(app.spec) && sameConfig) action = undefined;
    else if (specKey(old.spec, true) === specKey(app.spec, true) && sameConfig) action = { action: "ScaleApplication", app: id, scaleTo: app.spec.instances };
    else action = { action: "RestartApplication", app: id, scaleTo: app.spec.instances };
    if (!action) continue;
    const layer = layers.get(id) ?? 1;
    (byLayer.get(layer) ?? byLayer.set(layer, { actions: [] }).get(layer)!).actions.push(action);
  }
  for (const layer of [...byLayer.keys()].sort((a, b) => a - b)) steps.push(byLayer.get(layer)!);
  return steps.filter((s) => s.actions.length > 0);
}

export const affectedApps = (steps: DeploymentStep[]): string[] => [...new Set(steps.flatMap((s) => s.actions.map((a) => a.app)))].sort();
