// JSON Pointers (RFC 6901) over the user's RAW group object. The form reads and writes known paths
// of whatever JSON the user has, so a field Armdeck does not know is carried along untouched.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

export function toPointer(segments: (string | number)[]): string {
  return segments.map((s) => `/${String(s).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

export const childPointer = (parent: string, ...segments: (string | number)[]) => parent + toPointer(segments);

const isObject = (v: unknown): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

export function getAt(root: Json | undefined, pointer: string): Json | undefined {
  let node: Json | undefined = root;
  for (const seg of parsePointer(pointer)) {
    if (Array.isArray(node)) node = node[Number(seg)];
    else if (isObject(node)) node = Object.hasOwn(node, seg) ? node[seg] : undefined;
    else return undefined;
  }
  return node;
}

/**
 * A copy of `root` with `value` at `pointer` (`undefined` removes it), copying only the
 * containers on the way; every other key keeps its place and value. Missing containers are made:
 * an array when the next segment is an index, else an object.
 */
export function setAt(root: Json | undefined, pointer: string, value: Json | undefined): Json {
  return setIn(root, parsePointer(pointer), value) ?? null;
}

function setIn(node: Json | undefined, segs: string[], value: Json | undefined): Json | undefined {
  if (segs.length === 0) return value;
  const [head, ...rest] = segs as [string, ...string[]];
  if (Array.isArray(node) || (node === undefined && /^\d+$/.test(head))) {
    const copy = [...((node as Json[] | undefined) ?? [])];
    const i = Number(head);
    const next = setIn(copy[i], rest, value);
    if (next === undefined) copy.splice(i, 1);
    else copy[i] = next;
    return copy;
  }
  const copy: Record<string, Json> = { ...(isObject(node) ? node : {}) };
  const next = setIn(copy[head], rest, value);
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}
