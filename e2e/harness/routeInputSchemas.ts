import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { listSourceFiles } from "./sourceRegexes.ts";

// Which zod schema each API route parses its body or query string with, read from the route
// files with the TypeScript parser, so a new route's schema is tested without anyone listing it.

export interface RouteInputSchema {
  route: string;
  kind: "body" | "query";
  exportName: string;
  /** Absolute path of the module that exports the schema. */
  modulePath: string;
}

export interface RouteInputs {
  schemas: RouteInputSchema[];
  /** body()/query() calls whose schema is not an imported name: they cannot be found and tested. */
  unresolved: string[];
}

function resolveModule(root: string, fromFile: string, spec: string): string {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : path.resolve(path.dirname(path.join(root, fromFile)), spec);
  return base.endsWith(".ts") ? base : `${base}.ts`;
}

export function findRouteInputSchemas(root: string): RouteInputs {
  const schemas: RouteInputSchema[] = [];
  const unresolved: string[] = [];
  for (const file of listSourceFiles(root, ["app/api"]).filter((f) => f.endsWith("route.ts"))) {
    const sf = ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest, true);
    const imports = new Map<string, { module: string; exported: string }>();
    for (const st of sf.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
      const bindings = st.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) imports.set(el.name.text, { module: st.moduleSpecifier.text, exported: (el.propertyName ?? el.name).text });
      }
    }
    const route = path.dirname(file).replace(/^app/, "");
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && (node.expression.text === "body" || node.expression.text === "query")) {
        const arg = node.arguments[0];
        const imp = arg && ts.isIdentifier(arg) ? imports.get(arg.text) : undefined;
        if (imp) schemas.push({ route, kind: node.expression.text, exportName: imp.exported, modulePath: resolveModule(root, file, imp.module) });
        else unresolved.push(`${file}: ${node.getText(sf)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { schemas, unresolved };
}
