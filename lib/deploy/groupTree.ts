// The group body as the user wrote it, walked once: every group and app with its absolute id
// (resolved as Marathon resolves it, against the enclosing group) and its JSON Pointer into the
// body, so every later rule reports a path the form and the JSON editor can find.

import { pathIdProblem, resolvePathId } from "./marathonPath.ts";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface TreeNode {
  /** Absolute id; null when the id is missing or not a valid path. */
  id: string | null;
  /** The absolute id of the enclosing group (null for the body itself). */
  parent: string | null;
  pointer: string;
  raw: JsonObject;
}

export interface GroupTree {
  root: TreeNode;
  groups: TreeNode[];
  apps: TreeNode[];
}

export const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** RFC 6901: "~" and "/" in a key are escaped. */
export function pointer(base: string, key: string | number): string {
  return `${base}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

function resolvedId(raw: JsonObject, base: string): string | null {
  const id = raw.id;
  if (typeof id !== "string" || pathIdProblem(id) !== null) return null;
  return resolvePathId(id, base);
}

export function walkGroup(body: JsonObject): GroupTree {
  const rootId = resolvedId(body, "/");
  const root: TreeNode = { id: rootId, parent: null, pointer: "", raw: body };
  const groups: TreeNode[] = [root];
  const apps: TreeNode[] = [];
  // An explicit stack, not recursion: a hostile body may nest thousands of levels deep.
  const stack: TreeNode[] = [root];
  while (stack.length) {
    const g = stack.pop()!;
    const base = g.id ?? "/";
    const rawApps = g.raw.apps;
    if (Array.isArray(rawApps)) {
      rawApps.forEach((a, i) => {
        if (isObject(a)) apps.push({ id: resolvedId(a, base), parent: g.id, pointer: pointer(pointer(g.pointer, "apps"), i), raw: a });
      });
    }
    const rawGroups = g.raw.groups;
    if (Array.isArray(rawGroups)) {
      const children: TreeNode[] = [];
      rawGroups.forEach((c, i) => {
        if (isObject(c)) children.push({ id: resolvedId(c, base), parent: g.id, pointer: pointer(pointer(g.pointer, "groups"), i), raw: c });
      });
      groups.push(...children);
      stack.push(...children.reverse());
    }
  }
  // Body order (depth first, as written) so messages come in the order the user reads them.
  groups.sort((a, b) => comparePointers(a.pointer, b.pointer));
  apps.sort((a, b) => comparePointers(a.pointer, b.pointer));
  return { root, groups, apps };
}

function comparePointers(a: string, b: string): number {
  const pa = a.split("/");
  const pb = b.split("/");
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    const na = Number(pa[i]);
    const nb = Number(pb[i]);
    return Number.isInteger(na) && Number.isInteger(nb) ? na - nb : pa[i]! < pb[i]! ? -1 : 1;
  }
  return pa.length - pb.length;
}
