import type { ZodType } from "zod";

// Request bodies and query strings that put a long hostile string in every place a schema reads
// one. The strings are the shapes that make a backtracking regex blow up: a long run of one
// character (or a short cycle) that almost matches, then a character that does not.

export const HOSTILE_LENGTH = 10_000;

const RUN_CHARS = ["a", "Z", "0", ".", "-", "_", "/", ":", "+", "%", "=", " ", "\t", "\n", "\r", "\u0000", "[", "é", "\u2028"];
const CYCLES = ["a/", "a.", "a-", "/a", "0.", "a:", "-a", "A0", "[:", "//", "\\/", "a="];
const PREFIXES = ["", "/", "http://", "https://a/", "hkp://", "SHA256:", "-----BEGIN ", "[", "ad_", "1-"];
const ENDINGS = ["!", "\u0000", " ", "'", "/..", ""];

function fill(prefix: string, unit: string, ending: string): string {
  const room = HOSTILE_LENGTH - prefix.length - ending.length;
  return prefix + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + ending;
}

export function hostileStrings(): string[] {
  const out = new Set<string>();
  for (const prefix of PREFIXES) for (const c of RUN_CHARS) out.add(fill(prefix, c, "!"));
  for (const prefix of PREFIXES) for (const cyc of CYCLES) out.add(fill(prefix, cyc, "!"));
  for (const ending of ENDINGS) for (const c of ["a", "/", "."]) out.add(fill("/", c, ending));
  return [...out];
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/**
 * Plausible values of a schema's input, one per branch of each union, with every leaf filled.
 * Zod keeps running a string's checks after one fails, so a leaf's regex sees the hostile value
 * whatever its siblings hold.
 */
export function sampleInputs(schema: unknown): Json[] {
  const def = defOf(schema);
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      const base: Record<string, Json> = {};
      const variants: Record<string, Json[]> = {};
      for (const [k, child] of Object.entries(shape)) {
        variants[k] = sampleInputs(child);
        base[k] = variants[k]![0]!;
      }
      const out: Json[] = [base];
      for (const [k, vs] of Object.entries(variants)) for (const v of vs.slice(1)) out.push({ ...base, [k]: v });
      return out;
    }
    case "union":
      return (def.options as unknown[]).flatMap(sampleInputs);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return sampleInputs(def.innerType);
    case "pipe":
      return sampleInputs(def.in);
    case "array":
      return sampleInputs(def.element).map((v) => [v]);
    case "enum":
      return [Object.values(def.entries as Record<string, string>)[0]!];
    case "literal":
      return [(def.values as Json[])[0]!];
    case "number":
      return [1];
    case "boolean":
      return [true];
    case "date":
      return ["2026-01-01"];
    default:
      return ["x"];
  }
}

function leafPaths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...at, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...at, k]));
  return [at];
}

function withLeaf(value: Json, at: (string | number)[], leaf: Json): Json {
  if (at.length === 0) return leaf;
  const [head, ...rest] = at;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, Json>;
  copy[head!] = withLeaf(copy[head!]!, rest, leaf);
  return copy as Json;
}

/** Each sample with one leaf made hostile, and each sample with every leaf hostile at once. */
export function hostileInputs(schema: ZodType): Json[] {
  const strings = hostileStrings();
  const out: Json[] = [];
  for (const sample of sampleInputs(schema)) {
    const paths = leafPaths(sample);
    for (const s of strings) {
      for (const p of paths) out.push(withLeaf(sample, p, s));
      out.push(paths.reduce<Json>((v, p) => withLeaf(v, p, s), sample));
    }
  }
  return out;
}
