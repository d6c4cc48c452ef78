// Marathon's PathId rules (notes §4, §10; PathId.scala@v1.5.1): relative ids resolve against the
// enclosing group ("group1" under /arm-demo is /arm-demo/group1; "." and ".." work). Re-derived
// here rather than shared with the stand-in, so a test of one against the other can catch either.

/** One label run: lowercase letters, digits, "-" inside, "." only between labels. */
export const ID_SEGMENT = /^(([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])\.)*([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$/;

/** 1.5.13+ refuse these as an app's last segment, and in 1.5.1 they break the app's API paths. */
export const RESERVED_APP_NAMES = ["restart", "tasks", "versions"] as const;
/** A group named so cannot be fetched (`GET /v2/groups/x/apps` lists apps instead). */
export const RESERVED_GROUP_NAMES = ["apps", "versions"] as const;

export const MAX_ID_LENGTH = 1_000;

/** Why `id` is not a valid Marathon path (relative forms allowed), or null when it is. */
export function pathIdProblem(id: string): string | null {
  if (id.length === 0) return "must not be empty";
  if (id.length > MAX_ID_LENGTH) return `is longer than ${MAX_ID_LENGTH} characters`;
  if (/\s/.test(id)) return "must not contain whitespace";
  if (id.includes("//")) return 'must not contain "//"';
  const segs = id.split("/").filter((s, i, all) => !(s === "" && (i === 0 || i === all.length - 1)));
  for (const s of segs) {
    if (s === "." || s === "..") continue;
    if (!ID_SEGMENT.test(s)) return `"${s}" is not a valid id segment (lowercase letters, digits and "-", with "." only between labels; no leading or trailing "-")`;
  }
  return null;
}

/** Absolute canonical form of `id` relative to `base` (itself absolute). */
export function resolvePathId(id: string, base = "/"): string {
  const parts = id.startsWith("/") ? [] : segmentsOf(base);
  for (const seg of segmentsOf(id)) {
    if (seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join("/")}`;
}

export function segmentsOf(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}

export function parentOf(path: string): string {
  const parts = segmentsOf(path);
  parts.pop();
  return `/${parts.join("/")}`;
}

export function lastSegment(path: string): string {
  return segmentsOf(path).at(-1) ?? "";
}

export function isAncestorOrSelf(ancestor: string, path: string): boolean {
  return ancestor === "/" || path === ancestor || path.startsWith(`${ancestor}/`);
}

/** "/arm-demo/group1/ubuntu1" ⇐ "arm-demo_group1_ubuntu1.<uuid>": ids have no "_", so this is exact. */
export function appIdOfTaskId(taskId: string): string | null {
  const dot = taskId.indexOf(".");
  if (dot <= 0) return null;
  return `/${taskId.slice(0, dot).split("_").join("/")}`;
}
