// The tree's shape as Marathon checks it (notes §4, §10.1-3): valid ids, every app and nested
// group a direct child of the group holding it, no id used twice, the root neither "/" nor
// missing, and the special bodies (`version`, `scaleBy`) kept out of a deploy.

import type { GroupTree, TreeNode } from "./groupTree.ts";
import { pointer } from "./groupTree.ts";
import type { Issues } from "./issues.ts";
import { lastSegment, parentOf, pathIdProblem, RESERVED_APP_NAMES, RESERVED_GROUP_NAMES } from "./marathonPath.ts";

function checkId(node: TreeNode, kind: "app" | "group", issues: Issues): void {
  const at = pointer(node.pointer, "id");
  const raw = node.raw.id;
  if (raw === undefined) {
    issues.error(at, kind === "app" ? "Every app needs an id" : "Every group needs an id (Marathon answers 500 to a nested group without one)");
    return;
  }
  if (typeof raw !== "string") return issues.error(at, "The id must be a string");
  const problem = pathIdProblem(raw);
  if (problem) return issues.error(at, `The id ${problem}`);
  const id = node.id!;
  if (id === "/") return issues.error(at, node.parent === null ? "The group's id must not be the root \"/\" (a body for \"/\" always conflicts)" : `"${raw}" resolves to the root "/"`);
  if (node.parent !== null && parentOf(id) !== node.parent) {
    issues.error(at, `"${raw}" resolves to ${id}, which is not a direct child of ${node.parent}. Hint: use relative paths`);
    return;
  }
  const name = lastSegment(id);
  if (kind === "app" && (RESERVED_APP_NAMES as readonly string[]).includes(name)) {
    issues.error(at, `An app id must not end in "${name}" (reserved: ${RESERVED_APP_NAMES.join(", ")})`);
  }
  if (kind === "group" && (RESERVED_GROUP_NAMES as readonly string[]).includes(name)) {
    issues.warn(at, `A group named "${name}" cannot be read back through /v2/groups (Marathon's API treats "${name}" as a sub-resource)`);
  }
}

export function validateTree(tree: GroupTree, issues: Issues): void {
  const body = tree.root.raw;
  for (const special of ["version", "scaleBy"] as const) {
    if (body[special] !== undefined) issues.error(`/${special}`, `"${special}" is a separate action (a rollback or a scale) and cannot be sent with a group definition`);
  }
  for (const g of tree.groups) checkId(g, "group", issues);
  for (const a of tree.apps) checkId(a, "app", issues);
  for (const key of ["apps", "groups", "dependencies"] as const) {
    for (const g of tree.groups) {
      const v = g.raw[key];
      if (v !== undefined && !Array.isArray(v)) issues.error(pointer(g.pointer, key), `"${key}" must be a list`);
      else if (Array.isArray(v) && key !== "dependencies") {
        v.forEach((x, i) => {
          if (typeof x !== "object" || x === null || Array.isArray(x)) issues.error(pointer(pointer(g.pointer, key), i), `Each of "${key}" must be an object`);
        });
      }
    }
  }
  const seen = new Map<string, TreeNode>();
  for (const node of [...tree.groups, ...tree.apps]) {
    if (!node.id) continue;
    const first = seen.get(node.id);
    if (!first) {
      seen.set(node.id, node);
      continue;
    }
    const bothApps = tree.apps.includes(first) && tree.apps.includes(node);
    const bothGroups = tree.groups.includes(first) && tree.groups.includes(node);
    issues.error(
      pointer(node.pointer, "id"),
      bothApps || bothGroups ? `${node.id} is defined twice (also at ${first.pointer || "the body"})` : `Groups and Applications may not have the same identifier: ${node.id} (also at ${first.pointer || "the body"})`,
    );
  }
}
