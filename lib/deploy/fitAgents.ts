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

/** `ranges` minus `used`, in one sorted sweep (an agent may list thousands of used ports). */
export function subtractRanges(ranges: readonly PortRange[], used: readonly PortRange[]): PortRange[] {
  const have = [...ranges].sort((a, b) => a[0] - b[0]);
  const take = [...used].sort((a, b) => a[0] - b[0]);
  const out: PortRange[] = [];
  let j = 0;
  for (const [b0, e] of have) {
    let b = b0;
    while (j < take.length && take[j]![1] < b) j++;
    let k = j;
    while (b <= e && k < take.length && take[k]![0] <= e) {
      const [ub, ue] = take[k]!;
      if (ub > b) out.push([b, ub - 1]);
      b = Math.max(b, ue + 1);
      k++;
    }
    if (b <= e) out.push([b, e]);
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
