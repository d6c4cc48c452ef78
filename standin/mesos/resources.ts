// Mesos resources as the master's v0 JSON shows them: scalars cpus/gpus/mem/disk (always present)
// and the ports ranges, printed "[a-b, c-d]" (src/common/values.cpp:309-320@1.4.0).

import { dbl, type MesosJson } from "./mesosJson";

export interface PortRange {
  begin: number;
  end: number;
}

export interface Resources {
  cpus: number;
  gpus: number;
  mem: number;
  disk: number;
  ports: PortRange[];
}

export const emptyResources = (): Resources => ({ cpus: 0, gpus: 0, mem: 0, disk: 0, ports: [] });

export function formatRanges(ranges: readonly PortRange[]): string {
  return `[${ranges.map((r) => `${r.begin}-${r.end}`).join(", ")}]`;
}

/** "[31000-32000, 1-10]" → ranges, as the agent's --resources flag gives them. */
export function parseRanges(text: string): PortRange[] {
  const inner = text.trim().replace(/^\[/, "").replace(/\]$/, "").trim();
  if (!inner) return [];
  return inner.split(",").map((part) => {
    const [b = NaN, e = NaN] = part.trim().split("-").map((x) => Number(x.trim()));
    if (!Number.isInteger(b) || !Number.isInteger(e) || b > e) throw new Error(`bad port range "${part}"`);
    return { begin: b, end: e };
  });
}

/** Sorted distinct ports → coalesced ranges ([23817-23817, 41102-41102] for two single ports). */
export function portsToRanges(ports: Iterable<number>): PortRange[] {
  const sorted = [...new Set(ports)].sort((a, b) => a - b);
  const ranges: PortRange[] = [];
  for (const p of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last.end + 1 === p) last.end = p;
    else ranges.push({ begin: p, end: p });
  }
  return ranges;
}

export function rangesSize(ranges: readonly PortRange[]): number {
  return ranges.reduce((n, r) => n + r.end - r.begin + 1, 0);
}

export function rangesContain(ranges: readonly PortRange[], port: number): boolean {
  return ranges.some((r) => r.begin <= port && port <= r.end);
}

/** `ranges` without the ports in `used` (used is small: a few ports per task). */
export function subtractPorts(ranges: readonly PortRange[], used: ReadonlySet<number>): PortRange[] {
  if (used.size === 0) return ranges.map((r) => ({ ...r }));
  const sortedUsed = [...used].sort((a, b) => a - b);
  const out: PortRange[] = [];
  for (const r of ranges) {
    let begin = r.begin;
    for (const p of sortedUsed) {
      if (p < begin || p > r.end) continue;
      if (p > begin) out.push({ begin, end: p - 1 });
      begin = p + 1;
    }
    if (begin <= r.end) out.push({ begin, end: r.end });
  }
  return out;
}

export function resourcesJson(r: Resources, withPorts = true): MesosJson {
  const json: Record<string, MesosJson> = { cpus: dbl(r.cpus), disk: dbl(r.disk), gpus: dbl(r.gpus), mem: dbl(r.mem) };
  if (withPorts && r.ports.length) json.ports = formatRanges(r.ports);
  return json;
}

/** Float sums drift (0.1+0.2); Mesos keeps fixed-point values, so round to its 3 decimals. */
export const roundResource = (n: number): number => Math.round(n * 1000) / 1000;
