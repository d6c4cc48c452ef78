// What a group deploy should leave behind, per app: the instances each app of the body asks for,
// and null for the apps Marathon's PUT removes (notes §4 "PUT replaces structure": a group whose
// body lists `apps` keeps only those; one that lists `groups` keeps only those child groups).

import type { MarathonGroup } from "../marathon/marathonSchemas.ts";
import { instancesOf } from "./appDemand.ts";
import type { DeploymentTarget } from "./deploymentRecords.ts";
import type { GroupTree } from "./groupTree.ts";

function findGroup(root: MarathonGroup | undefined, id: string): MarathonGroup | undefined {
  const stack = root ? [root] : [];
  while (stack.length) {
    const g = stack.pop()!;
    if (g.id === id) return g;
    stack.push(...(g.groups ?? []));
  }
  return undefined;
}

export function appsUnder(group: MarathonGroup): string[] {
  const out: string[] = [];
  const stack = [group];
  while (stack.length) {
    const g = stack.pop()!;
    out.push(...(g.apps ?? []).map((a) => a.id));
    stack.push(...(g.groups ?? []));
  }
  return out;
}

export function groupDeployTarget(tree: GroupTree, current: MarathonGroup | undefined): DeploymentTarget {
  const target: DeploymentTarget = {};
  for (const a of tree.apps) if (a.id) target[a.id] = instancesOf(a.raw);
  for (const g of tree.groups) {
    const existing = g.id ? findGroup(current, g.id) : undefined;
    if (!existing) continue;
    if (Array.isArray(g.raw.apps)) for (const a of existing.apps ?? []) if (!(a.id in target)) target[a.id] = null;
    if (Array.isArray(g.raw.groups)) {
      const listed = new Set(tree.groups.filter((c) => c.parent === g.id).map((c) => c.id));
      for (const child of existing.groups ?? []) if (!listed.has(child.id)) for (const id of appsUnder(child)) target[id] = null;
    }
  }
  return target;
}

export { findGroup };
