import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

// Finds every regular expression the app's own source builds, by parsing the files with the
// TypeScript compiler (a regex over the source would miss or invent some: regex literals contain
// slashes, strings contain "/", comments contain both).

export interface SourceRegex {
  file: string;
  line: number;
  source: string;
  flags: string;
  /** A `new RegExp(...)` whose pattern is built at run time: its constant parts are all we know. */
  dynamic: boolean;
}

/** Where code that sees user or upstream input lives. */
export const APP_SOURCE_ROOTS = ["lib", "components", "app", "workers", "server.ts"];

export function listSourceFiles(root: string, entries = APP_SOURCE_ROOTS): string[] {
  const files: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs)) walk(path.join(rel, name));
    } else if (/\.tsx?$/.test(rel) && !/\.(test|spec)\.tsx?$/.test(rel) && !rel.endsWith(".d.ts")) {
      files.push(rel);
    }
  };
  for (const e of entries) walk(e);
  return files.sort();
}

function constantString(node: ts.Expression, consts: Map<string, string>): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isIdentifier(node)) return consts.get(node.text) ?? null;
  if (ts.isParenthesizedExpression(node)) return constantString(node.expression, consts);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const l = constantString(node.left, consts);
    const r = constantString(node.right, consts);
    return l !== null && r !== null ? l + r : null;
  }
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    for (const span of node.templateSpans) {
      const v = constantString(span.expression, consts);
      if (v === null) return null;
      out += v + span.literal.text;
    }
    return out;
  }
  return null;
}

export function findRegexes(root: string, files = listSourceFiles(root)): SourceRegex[] {
  const found: SourceRegex[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(root, file), "utf8");
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    // Top-level and local `const X = "..."` strings, so `new RegExp(\`${X} (\\d+)\`)` is checked whole.
    const consts = new Map<string, string>();
    const collect = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        const v = constantString(node.initializer, consts);
        if (v !== null) consts.set(node.name.text, v);
      }
      ts.forEachChild(node, collect);
    };
    collect(sf);
    const line = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = node.getText(sf);
        const end = lit.lastIndexOf("/");
        found.push({ file, line: line(node), source: lit.slice(1, end), flags: lit.slice(end + 1), dynamic: false });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === "RegExp" &&
        node.arguments?.length
      ) {
        const [pattern, flags] = node.arguments;
        const source = constantString(pattern!, consts);
        found.push({
          file,
          line: line(node),
          source: source ?? pattern!.getText(sf),
          flags: flags ? (constantString(flags, consts) ?? "") : "",
          dynamic: source === null,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}
