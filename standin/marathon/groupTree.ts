// The root group and Marathon 1.5.1's GroupUpdate semantics (raml/GroupConversion.scala:92-131,
// GroupsResource.scala, notes.md §4): relative ids resolve against the enclosing group, a listed
// `groups`/`apps` set replaces the old set (listed existing children merge recursively), a left-out
// `dependencies` keeps the old one; ids must be direct children of their group.

import { Issues, normalizeApp } from "./appDefinition";
import { isAncestorOrSelf, parentOf, resolvePath, segments } from "./pathId";
import type { App, AppSpec, Group } from "./types";

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export const emptyGroup = (id: string, version: string): Group => ({ id, dependencies: [], version, apps: new Map(), groups: new Map() });

export function cloneGroup(g: Group): Group {
  return {
    id: g.id,
    dependencies: [...g.dependencies],
    version: g.version,
    apps: new Map([...g.apps].map(([k, a]) => [k, { ...a, versionInfo: { ...a.versionInfo } }])),
    groups: new Map([...g.groups].map(([k, c]) => [k, cloneGroup(c)])),
  };
}

export function findGroup(root: Group, id: string): Group | undefined {
  if (id === "/" || id === root.id) return root;
  let g: Group | undefined = root;
  let path = "";
  for (const seg of segments(id)) {
    path += `/${seg}`;
    g = g?.groups.get(path);
    if (!g) return undefined;
  }
  return g;
}

export function allApps(g: Group, out: Map<string, App> = new Map()): Map<string, App> {
  for (const [id, app] of g.apps) out.set(id, app);
  for (const child of g.groups.values()) allApps(child, out);
  return out;
}

export function allGroups(g: Group, out: Group[] = []): Group[] {
  out.push(g);
  for (const child of g.groups.values()) allGroups(child, out);
  return out;
}

/** The group at `id`, creating empty ancestors on the way (Marathon creates them implicitly). */
export function ensureGroup(root: Group, id: string, version: string): Group {
  let g = root;
  let path = "";
  for (const seg of segments(id)) {
    path += `/${seg}`;
    let next = g.groups.get(path);
    if (!next) {
      next = emptyGroup(path, version);
      g.groups.set(path, next);
    }
    g = next;
  }
  return g;
}

export interface PendingApp {
  spec: AppSpec;
  received: unknown;
}

/**
 * Applies a GroupUpdate body at `groupId` (already absolute) to a copy of the root; returns the
 * new root and the apps it defines (their AppSpec, not yet versioned). Throws 422 on bad input.
 */
export function applyGroupUpdate(root: Group, groupId: string, body: Json, version: string): { root: Group; defined: Map<string, PendingApp> } {
  const issues = new Issues();
  const defined = new Map<string, PendingApp>();
  const next = cloneGroup(root);
  const target = ensureGroup(next, groupId, version);

  const visit = (g: Group, update: Json, at: string, existing: boolean): void => {
    g.version = version;
    if (Array.isArray(update.dependencies)) g.dependencies = update.dependencies.map((d) => resolvePath(String(d), g.id));
    else if (update.dependencies !== undefined) issues.add("parse", `${at}/dependencies`, "error.expected.jsarray");
    if (update.apps !== undefined) {
      if (!Array.isArray(update.apps)) issues.add("parse", `${at}/apps`, "error.expected.jsarray");
      else {
        const apps = new Map<string, App>();
        update.apps.forEach((rawApp, i) => {
          const spec = normalizeApp(rawApp, g.id, `${at}/apps(${i})`, issues);
          if (!spec) return;
          if (parentOf(spec.id) !== g.id) issues.add("model", `${at}/apps(${i})/id`, `Identifier is not child of ${g.id}. Hint: use relative paths.`);
          defined.set(spec.id, { spec, received: rawApp });
          const old = g.apps.get(spec.id);
          // Placeholder entry; the caller turns PendingApps into versioned Apps.
          apps.set(spec.id, old ?? ({ spec, version, versionInfo: { lastScalingAt: version, lastConfigChangeAt: version }, received: rawApp } as App));
        });
        g.apps = apps;
      }
    }
    if (update.groups !== undefined) {
      if (!Array.isArray(update.groups)) issues.add("parse", `${at}/groups`, "error.expected.jsarray");
      else {
        const groups = new Map<string, Group>();
        update.groups.forEach((rawGroup, i) => {
          const path = `${at}/groups(${i})`;
          if (!isObj(rawGroup)) return issues.add("parse", path, "error.expected.jsobject");
          if (typeof rawGroup.id !== "string") return issues.add("parse", `${path}/id`, rawGroup.id === undefined ? "error.path.missing" : "error.expected.jsstring");
          const childId = resolvePath(rawGroup.id, g.id);
          if (parentOf(childId) !== g.id || childId === g.id) {
            issues.add("model", `${path}/id`, `Identifier is not child of ${g.id}. Hint: use relative paths.`);
            return;
          }
          const old = g.groups.get(childId);
          const child = old ?? emptyGroup(childId, version);
          visit(child, rawGroup, path, !!old && existing);
          groups.set(childId, child);
        });
        g.groups = groups;
      }
    }
  };
  visit(target, body, "", true);

  for (const g of allGroups(target)) {
    for (const appId of g.apps.keys()) if (g.groups.has(appId)) issues.add("model", "/", "Groups and Applications may not have the same identifier.");
  }
  issues.throwIfAny();
  return { root: next, defined };
}

/**
 * App dependency edges of the whole tree (RootGroup.scala:41-74@v1.5.1): an app depends on its own
 * dependencies and on its ancestor groups' dependencies; a dependency on a group means every app
 * under that group. Ids that match nothing are ignored, as Marathon ignores them.
 */
export function dependencyEdges(root: Group): Map<string, Set<string>> {
  const apps = allApps(root);
  const edges = new Map<string, Set<string>>();
  const appsUnder = (id: string): string[] => (apps.has(id) ? [id] : [...apps.keys()].filter((a) => a !== id && isAncestorOrSelf(id, a)));
  const walk = (g: Group, inherited: string[]): void => {
    const deps = [...inherited, ...g.dependencies];
    for (const [id, app] of g.apps) {
      const set = new Set<string>();
      for (const d of [...deps, ...app.spec.dependencies]) for (const target of appsUnder(d)) set.add(target);
      edges.set(id, set);
    }
    for (const child of g.groups.values()) walk(child, deps);
  };
  walk(root, []);
  return edges;
}

/** 422 at "/" for a cycle, including a group depending on its own ancestor or descendant. */
export function checkAcyclic(root: Group): void {
  const issues = new Issues();
  for (const g of allGroups(root)) {
    for (const d of g.dependencies) if (isAncestorOrSelf(d, g.id) || isAncestorOrSelf(g.id, d)) issues.add("model", "/", "Dependency graph has cyclic dependencies.");
  }
  const edges = dependencyEdges(root);
  const state = new Map<string, 1 | 2>();
  const dfs = (id: string): boolean => {
    if (state.get(id) === 2) return false;
    if (state.get(id) === 1) return true;
    state.set(id, 1);
    for (const d of edges.get(id) ?? []) if (d === id || dfs(d)) return true;
    state.set(id, 2);
    return false;
  };
  if ([...edges.keys()].some((id) => dfs(id))) issues.add("model", "/", "Dependency graph has cyclic dependencies.");
  if (issues.model.length > 1) issues.model.splice(1);
  if (issues.model[0]) issues.model[0].errors = issues.model[0].errors.slice(0, 1);
  issues.throwIfAny();
}
