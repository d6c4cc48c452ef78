// Small conversions shared by the view models: Mesos' seconds-since-epoch doubles, and its port
// range strings ("[31000-32000]", "[1-5, 7-9]").

/** Mesos writes registered_time as seconds (a double); null when absent. */
export function isoFromSeconds(seconds: number | null | undefined): string | null {
  if (typeof seconds !== "number" || !Number.isFinite(seconds)) return null;
  return new Date(Math.round(seconds * 1000)).toISOString();
}

export type PortRange = [number, number];

/** Ranges as Mesos writes them; anything that is not a range is skipped rather than guessed. */
export function parsePortRanges(ranges: string | null | undefined): PortRange[] {
  if (!ranges) return [];
  const out: PortRange[] = [];
  // "[31000-32000, 33000-34000]": brackets and spaces out, then one anchored match per range.
  for (const part of ranges.replace(/[[\]\s]/g, "").split(",")) {
    const m = /^(\d{1,5})-(\d{1,5})$/.exec(part);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b >= a) out.push([a, b]);
  }
  return out;
}

export function countPorts(ranges: string | null | undefined): number {
  return parsePortRanges(ranges).reduce((n, [a, b]) => n + (b - a + 1), 0);
}

/** Sums doubles the way an operator reads them: no 0.30000000000000004. */
export function roundResource(n: number): number {
  return Math.round(n * 1000) / 1000;
}
