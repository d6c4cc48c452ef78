// Every page and API route the app defines, read from the app/ folder itself, so a new route is
// covered by the crawl tests without anyone remembering to list it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const APP_DIR = path.resolve(import.meta.dirname, "..", "..", "app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

export interface AppRoute {
  kind: "page" | "api";
  /** URL path with dynamic segments filled with a sample value. */
  path: string;
  /** The folder pattern, e.g. /api/v1/nodes/[id]. */
  pattern: string;
  methods: string[];
  file: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function toPattern(relDir: string): string {
  const segments = relDir.split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("_"));
  return "/" + segments.join("/");
}

export function appRoutes(): AppRoute[] {
  const routes: AppRoute[] = [];
  for (const file of walk(APP_DIR)) {
    const base = path.basename(file);
    if (!/^(page|route)\.(tsx?|jsx?)$/.test(base)) continue;
    const pattern = toPattern(path.relative(APP_DIR, path.dirname(file)));
    const urlPath = pattern.replace(/\[\[?\.\.\.(\w+)\]?\]/g, "sample/$1").replace(/\[(\w+)\]/g, "sample-$1");
    if (base.startsWith("page")) {
      routes.push({ kind: "page", path: urlPath, pattern, methods: ["GET"], file });
    } else {
      const source = readFileSync(file, "utf8");
      const methods = METHODS.filter((m) => new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b`).test(source));
      routes.push({ kind: "api", path: urlPath, pattern, methods, file });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path));
}

/** The only routes meant to answer without a session (lib/http/accessGate.ts). */
export const PUBLIC_ROUTES = new Set(["/login", "/setup", "/api/v1/auth/login", "/api/v1/auth/setup"]);
