// Matching one instance against one offer, with Marathon 1.5.1's reject reasons
// (NoOfferMatchReason.scala:7-31). `reasons` lists every reason the offer fails (as
// lastUnusedOffers shows them); the queue's summaries count each offer under the first one in
// FUNNEL order only (QueueInfoConversion.scala:20-72, audit §1.7).

import type { Agent } from "../mesos/types";
import { rangesContain, rangesSize, type PortRange, type Resources } from "../mesos/resources";
import type { SeededRandom } from "../random";
import { meetsConstraint, type PlacedInstance } from "./constraints";
import { hostPortsNeeded } from "./appDefinition";
import type { AppSpec } from "./types";

export const FUNNEL = [
  "UnfulfilledRole",
  "UnfulfilledConstraint",
  "NoCorrespondingReservationFound",
  "InsufficientCpus",
  "InsufficientMemory",
  "InsufficientDisk",
  "InsufficientGpus",
  "InsufficientPorts",
] as const;
export type RejectReason = (typeof FUNNEL)[number];

/** Fixed host ports the app asks for (non-zero hostPort / requirePorts), and how many dynamic ones. */
function portDemand(spec: AppSpec): { fixed: number[]; dynamic: number } {
  const fixed: number[] = [];
  let dynamic = 0;
  if (spec.container?.portMappings) {
    for (const pm of spec.container.portMappings) pm.hostPort ? fixed.push(pm.hostPort) : dynamic++;
  } else {
    for (const pd of spec.portDefinitions ?? []) spec.requirePorts && pd.port ? fixed.push(pd.port) : dynamic++;
  }
  void hostPortsNeeded;
  return { fixed, dynamic };
}

export function rejectReasons(spec: AppSpec, agent: Agent, free: Resources, placed: readonly PlacedInstance[], agents: ReadonlyMap<string, Agent>): RejectReason[] {
  const reasons: RejectReason[] = [];
  if (spec.acceptedResourceRoles && spec.acceptedResourceRoles.length && !spec.acceptedResourceRoles.includes("*")) reasons.push("UnfulfilledRole");
  if (!spec.constraints.every((c) => meetsConstraint(c, agent, placed, agents))) reasons.push("UnfulfilledConstraint");
  if (free.cpus + 1e-9 < spec.cpus) reasons.push("InsufficientCpus");
  if (free.mem + 1e-9 < spec.mem) reasons.push("InsufficientMemory");
  if (free.disk + 1e-9 < spec.disk) reasons.push("InsufficientDisk");
  if (free.gpus < spec.gpus) reasons.push("InsufficientGpus");
  const { fixed, dynamic } = portDemand(spec);
  if (!fixed.every((p) => rangesContain(free.ports, p)) || rangesSize(free.ports) - fixed.length < dynamic) reasons.push("InsufficientPorts");
  return reasons;
}

/** Host ports for one instance: fixed ones as asked, dynamic ones at random from the offer (PortsMatcher.scala:260-300). */
export function pickPorts(spec: AppSpec, free: PortRange[], rng: SeededRandom): number[] {
  const { fixed } = portDemand(spec);
  const taken = new Set(fixed);
  const total = rangesSize(free);
  const slots = spec.container?.portMappings ?? spec.portDefinitions ?? [];
  return slots.map((slot) => {
    const asked = "hostPort" in slot ? slot.hostPort : spec.requirePorts ? slot.port : 0;
    if (asked) return asked;
    for (;;) {
      let idx = Math.floor(rng.next() * total);
      for (const r of free) {
        const size = r.end - r.begin + 1;
        if (idx < size) {
          const port = r.begin + idx;
          if (!taken.has(port)) {
            taken.add(port);
            return port;
          }
          break;
        }
        idx -= size;
      }
    }
  });
}
