import { PREFLIGHT_THRESHOLDS as T, type CheckResult } from "./checkNames.ts";

export interface ClockReading {
  nodeId: string;
  node: string;
  /** What `date +%s.%N` printed, in seconds. */
  nodeSeconds: number | null;
  /** When the dashboard received that line, in ms since the epoch. */
  receivedAt: number;
}

/**
 * Skew between nodes, not against the dashboard: each node's offset from the dashboard's clock
 * (its reading minus when the line arrived) is compared with the median offset, so one wrong
 * node is named and the dashboard's own clock does not matter.
 */
export function evaluateClockSkew(readings: ClockReading[]): CheckResult[] {
  const offsets = readings.map((r) => (r.nodeSeconds === null ? null : r.nodeSeconds - r.receivedAt / 1000));
  const known = offsets.filter((o): o is number => o !== null).sort((a, b) => a - b);
  const median = known.length ? known[Math.floor((known.length - 1) / 2)]! : 0;
  return readings.map((r, i): CheckResult => {
    const base = { nodeId: r.nodeId, node: r.node, check: "clock" };
    const offset = offsets[i];
    if (offset === null || offset === undefined) return { ...base, status: "warn", detail: "date +%s printed no time: cannot compare this clock" };
    const skew = offset - median;
    const words = `${Math.abs(skew).toFixed(1)} s ${skew >= 0 ? "ahead of" : "behind"} the other nodes`;
    if (Math.abs(skew) >= T.clockFailSeconds) return { ...base, status: "fail", detail: `${words}: ZooKeeper sessions and Mesos time out; enable NTP (timedatectl set-ntp true) or set the clock` };
    if (Math.abs(skew) >= T.clockWarnSeconds) return { ...base, status: "warn", detail: `${words}: enable NTP (timedatectl set-ntp true) before it grows` };
    return { ...base, status: "ok", detail: known.length > 1 ? `in step with the other nodes (${words})` : "one node: nothing to compare with" };
  });
}
