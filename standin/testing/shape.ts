// Structural comparison for fidelity tests: the stand-in's reply must use the sample's key names
// with the same JSON types, recursively (arrays: every element against the sample's first one).
// Values are never compared, so a test cannot pass by echoing what the code produced.

import fs from "node:fs";
import path from "node:path";

export const fixture = (name: string) => path.join(import.meta.dirname, "..", "fixtures", name);
export const readFixture = (name: string) => fs.readFileSync(fixture(name), "utf8");
export const fixtureJson = (name: string) => JSON.parse(readFixture(name));

/** The ```json blocks of the audit's DERIVED bodies, in file order. */
export function derivedBlocks(): string[] {
  const md = readFixture("reference/DERIVED-runbook-bodies.md");
  return [...md.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
}

const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

export interface ShapeOptions {
  /** Keys of the sample the stand-in need not have (legacy or optional fields), as dotted paths ending in the key. */
  optional?: string[];
  /** Sub-trees not to descend into. */
  skip?: string[];
}

export function shapeMismatches(actual: unknown, sample: unknown, opts: ShapeOptions = {}, at = ""): string[] {
  const out: string[] = [];
  if (opts.skip?.some((s) => at.endsWith(s))) return out;
  const ta = typeOf(actual);
  const ts = typeOf(sample);
  if (ta !== ts && !(ts === "null" || ta === "null")) return [`${at || "/"}: ${ta} where the sample has ${ts}`];
  if (ts === "array" && ta === "array" && (sample as unknown[]).length && (actual as unknown[]).length) {
    for (const [i, item] of (actual as unknown[]).entries()) out.push(...shapeMismatches(item, (sample as unknown[])[0], opts, `${at}[${i}]`));
  } else if (ts === "object" && ta === "object") {
    const a = actual as Record<string, unknown>;
    for (const [k, v] of Object.entries(sample as Record<string, unknown>)) {
      const p = `${at}.${k}`;
      if (!(k in a)) {
        if (!opts.optional?.some((o) => p.endsWith(o))) out.push(`${p}: missing`);
        continue;
      }
      out.push(...shapeMismatches(a[k], v, opts, p));
    }
  }
  return out;
}
