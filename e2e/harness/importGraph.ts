// The project's import graph as the TypeScript parser sees it: which file imports which, type-only
// imports left out (they vanish from the build). Used by the layering test.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

export interface ImportEdge {
  from: string;
  /** A project file (relative to ROOT) or a package / node builtin name. */
  to: string;
}

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path.relative(ROOT, full));
    }
  };
  walk(path.join(ROOT, dir));
  return out;
}

function resolveLocal(fromFile: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(path.join(ROOT, fromFile)), spec);
  const stem = base.replace(/\.(ts|tsx|js)$/, "");
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return path.relative(ROOT, candidate);
  }
  return null;
}

/** The value imports (and re-exports) of one file. */
export function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  const add = (spec: string) => {
    const local = spec.startsWith(".") || spec.startsWith("@/") ? resolveLocal(file, spec) : null;
    edges.push({ from: file, to: local ?? spec });
  };
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.importClause;
      const typeOnly = clause?.isTypeOnly || (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) add(st.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) && !st.isTypeOnly) {
      add(st.moduleSpecifier.text);
    }
  }
  return edges;
}

/** Every project file reachable from `start` by value imports, with the path that reached it. */
export function reachable(start: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift()!;
    for (const edge of importsOf(file)) {
      if (seen.has(edge.to)) continue;
      seen.set(edge.to, [...seen.get(file)!, edge.to]);
      if (/\.(ts|tsx)$/.test(edge.to)) queue.push(edge.to);
    }
  }
  return seen;
}
