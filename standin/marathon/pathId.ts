// Marathon's PathId rules (PathId.scala@v1.5.1, notes.md §4 and §10): relative ids resolve
// against the enclosing group ("group1" under /arm-demo is /arm-demo/group1; "..", "." work).

const SEGMENT = /^(([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])\.)*([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$/;
/** The RAML whole-path pattern, applied at parse time (error.pattern). */
export const RAML_PATH = /^(\/?((\.\.)|(([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])\.)*([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9]))?($|\/))+$/;

export function segments(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}

/** Absolute canonical form of `id` relative to `base` (itself absolute). */
export function resolvePath(id: string, base = "/"): string {
  const parts = id.startsWith("/") ? [] : segments(base);
  for (const seg of segments(id)) {
    if (seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join("/")}`;
}

export function parentOf(path: string): string {
  const parts = segments(path);
  parts.pop();
  return `/${parts.join("/")}`;
}

export function isValidSegment(seg: string): boolean {
  return SEGMENT.test(seg) || seg === "." || seg === "..";
}

export function isAncestorOrSelf(ancestor: string, path: string): boolean {
  return ancestor === "/" || path === ancestor || path.startsWith(`${ancestor}/`);
}

/** `/arm-demo/group1/ubuntu1` → `arm-demo_group1_ubuntu1` (task ids, Task.scala@v1.5.1). */
export const taskIdPrefix = (appId: string): string => segments(appId).join("_");

/** `/arm-demo/group1/ubuntu1` → `ubuntu1.group1.arm-demo` (Mesos task name, TaskBuilder.scala:39). */
export const toHostname = (appId: string): string => segments(appId).reverse().join(".");
