// Mesos writes JSON through stout's jsonify, which differs from JSON.stringify in ways a
// byte-level client can see (state-fields.md §0, corrections-and-gaps.md §2.6):
//  - 1.4: a C++ double is printed "%#.15g" with trailing zeros cut but one kept after the point
//    (2 → "2.0", 1509617001.554219 → "1509617001.55422"); "/" is escaped as "\/".
//  - 1.11 (RapidJSON): shortest round-trip digits, integral doubles keep ".0", "/" not escaped.
// Integer C++ fields (ports, pids' numbers) print without a point. The writers mark every double
// with dbl(); everything else is written as JSON.stringify would.

export class MesosDouble {
  constructor(readonly value: number) {}
}

export const dbl = (value: number): MesosDouble => new MesosDouble(value);

export type MesosJson = string | number | boolean | null | MesosDouble | MesosJson[] | { [key: string]: MesosJson | undefined };

export type MesosDialect = "1.4" | "1.11";

function trimZeros(mantissa: string): string {
  if (!mantissa.includes(".")) return `${mantissa}.0`;
  const trimmed = mantissa.replace(/0+$/, "");
  return trimmed.endsWith(".") ? `${trimmed}0` : trimmed;
}

export function formatDouble(n: number, dialect: MesosDialect): string {
  if (!Number.isFinite(n)) return "null";
  if (dialect === "1.11") {
    const s = String(n);
    return /[.eE]/.test(s) ? s : `${s}.0`;
  }
  const p = n.toPrecision(15);
  const e = p.search(/e/);
  if (e < 0) return trimZeros(p);
  return trimZeros(p.slice(0, e)) + p.slice(e);
}

function formatString(s: string, dialect: MesosDialect): string {
  const json = JSON.stringify(s);
  return dialect === "1.4" ? json.replace(/\//g, "\\/") : json;
}

export function writeMesosJson(value: MesosJson, dialect: MesosDialect): string {
  const out: string[] = [];
  const write = (v: MesosJson | undefined): void => {
    if (v === null || v === undefined) out.push("null");
    else if (v instanceof MesosDouble) out.push(formatDouble(v.value, dialect));
    else if (typeof v === "string") out.push(formatString(v, dialect));
    else if (typeof v === "number") out.push(Number.isInteger(v) ? String(v) : formatDouble(v, dialect));
    else if (typeof v === "boolean") out.push(v ? "true" : "false");
    else if (Array.isArray(v)) {
      out.push("[");
      v.forEach((item, i) => {
        if (i) out.push(",");
        write(item);
      });
      out.push("]");
    } else {
      out.push("{");
      let first = true;
      for (const key in v) {
        const item = v[key];
        if (item === undefined) continue;
        if (!first) out.push(",");
        first = false;
        out.push(formatString(key, dialect), ":");
        write(item);
      }
      out.push("}");
    }
  };
  write(value);
  return out.join("");
}
