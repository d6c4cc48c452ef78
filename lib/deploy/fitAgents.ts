// The agents as the fit check sees them: what is free on each active agent now (Mesos'
// resources minus used_resources, ports as ranges minus the ports in use), from the poller's
// cached /master/state. Used = the sum of task resources, which is what Marathon's offers leave
// (audit §2.4).

import type { MesosState } from "../mesos/mesosSchemas.ts";
import { parsePortRanges, type PortRange } from "../panels/units.ts";

export interface FitAgent {
  id: string;
  hostname: string;
  attributes: Record<string, string>;
  free: { cpus: number; memMb: number; diskMb: number; gpus: number; ports: PortRange[] };
}

/** `ranges` minus `used`, both sorted or not; the result sorted and disjoint. */
export function subtractRanges(ranges: readonly PortRange[], used: readonly PortRange[]): PortRange[] {
  let out = [...ranges].sort((a, b) => a[0] - b[0]);
  for (const [ub, ue] of used) {
    out = out.flatMap(([b, e]): PortRange[] => {
      if (ue < b || ub > e) return [[b, e]];
      const parts: PortRange[] = [];
      if (ub > b) parts.push([b, ub - 1]);
      if (ue < e) parts.push([ue + 1, e]);
      return parts;
    });
  }
  return out;
}

export const portCount = (ranges: readonly PortRange[]) => ranges.reduce((n, [b, e]) => n + (e - b + 1), 0);

export function fitAgentsOf(state: MesosState): FitAgent[] {
  return state.slaves
    .filter((a) => a.active)
    .map((a) => ({
      id: a.id,
      hostname: a.hostname,
      attributes: Object.fromEntries(Object.entries(a.attributes).map(([k, v]) => [k, String(v)])),
      free: {
        cpus: a.resources.cpus - a.used_resources.cpus,
        memMb: a.resources.mem - a.used_resources.mem,
        diskMb: a.resources.disk - a.used_resources.disk,
        gpus: a.resources.gpus - a.used_resources.gpus,
        ports: subtractRanges(parsePortRanges(a.resources.ports), parsePortRanges(a.used_resources.ports)),
      },
    }));
}
