// Dependencies (notes §4 "Dependencies", §10.10): each must be a valid path, resolved against the
// declaring group (an app's against its parent group), and name a group or app in the body or
// already in Marathon: Marathon silently ignores ids that match nothing, so a typo would quietly
// drop the ordering. Self, ancestor and descendant references and cycles across the resolved
// app graph are refused, as Marathon refuses them ("Dependency graph has cyclic dependencies").

import { pointer, type GroupTree, type TreeNode } from "./groupTree.ts";
import type { Issues } from "./issues.ts";
import { isAncestorOrSelf, pathIdProblem, resolvePathId } from "./marathonPath.ts";

export interface KnownIds {
  /** App ids already in Marathon. */
  apps: ReadonlySet<string>;
  groups: ReadonlySet<string>;
}

interface Edge {
  from: TreeNode;
  target: string;
  at: string;
}

function dependenciesOf(node: TreeNode, base: string, issues: Issues): Edge[] {
  const raw = node.raw.dependencies;
  if (!Array.isArray(raw)) return [];
  const at = pointer(node.pointer, "dependencies");
  const out: Edge[] = [];
  raw.forEach((d, i) => {
    const dp = pointer(at, i);
    if (typeof d !== "string") return issues.error(dp, "A dependency is an app or group id (a string)");
    const problem = pathIdProblem(d);
    if (problem) return issues.error(dp, `The dependency ${problem}`);
    out.push({ from: node, target: resolvePathId(d, base), at: dp });
  });
  return out;
}

export function validateDependencies(tree: GroupTree, known: KnownIds, issues: Issues): void {
  const appIds = new Set<string>([...known.apps]);
  for (const a of tree.apps) if (a.id) appIds.add(a.id);
  const groupIds = new Set<string>([...known.groups]);
  for (const g of tree.groups) if (g.id) groupIds.add(g.id);
  const appsUnder = (id: string) => [...appIds].filter((a) => isAncestorOrSelf(id, a));

  const edges: Edge[] = [];
  for (const g of tree.groups) if (g.id) edges.push(...dependenciesOf(g, g.id, issues));
  for (const a of tree.apps) if (a.id && a.parent) edges.push(...dependenciesOf(a, a.parent, issues));

  // The app graph: a group's dependency is inherited by every app below it (RootGroup.scala:41-74).
  const graph = new Map<string, Set<string>>();
  const blame = new Map<string, string>();
  for (const e of edges) {
    const fromId = e.from.id!;
    if (!appIds.has(e.target) && !groupIds.has(e.target)) {
      issues.error(e.at, `${e.target} is neither a group nor an app, in this body or in Marathon (Marathon would ignore it and drop the ordering)`);
      continue;
    }
    if (isAncestorOrSelf(e.target, fromId) || isAncestorOrSelf(fromId, e.target)) {
      issues.error(e.at, e.target === fromId ? `${fromId} cannot depend on itself` : `${fromId} cannot depend on ${e.target}: one contains the other (a cyclic dependency)`);
      continue;
    }
    const froms = tree.apps.includes(e.from) ? [fromId] : appsUnder(fromId);
    const tos = appsUnder(e.target);
    for (const f of froms) {
      let set = graph.get(f);
      if (!set) graph.set(f, (set = new Set()));
      for (const t of tos) {
        set.add(t);
        if (!blame.has(`${f}\0${t}`)) blame.set(`${f}\0${t}`, e.at);
      }
    }
  }
  const cycle = findCycle(graph);
  if (cycle) {
    const at = blame.get(`${cycle[cycle.length - 2]}\0${cycle[cycle.length - 1]}`) ?? "";
    issues.error(at, `Dependency graph has cyclic dependencies: ${cycle.join(" → ")}`);
  }
}

/** One cycle as a path that returns to its start, or null. Iterative DFS (graphs may be deep). */
export function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const state = new Map<string, 1 | 2>();
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    const stack: { node: string; next: Iterator<string> }[] = [];
    const enter = (node: string) => {
      state.set(node, 1);
      path.push(node);
      stack.push({ node, next: (graph.get(node) ?? new Set<string>()).values() });
    };
    enter(start);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const step = top.next.next();
      if (step.done) {
        state.set(top.node, 2);
        stack.pop();
        path.pop();
        continue;
      }
      const s = state.get(step.value);
      if (s === 1) return [...path.slice(path.indexOf(step.value)), step.value];
      if (s === undefined) enter(step.value);
    }
  }
  return null;
}
