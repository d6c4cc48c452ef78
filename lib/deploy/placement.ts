// Where Marathon would put the group's instances, re-derived from Marathon 1.5.1's offer
// matching (audit §1.11; the stand-in's standin/marathon/scheduler.ts models the same): every
// allocation cycle each active agent is one offer; an offer takes at most 5 instances
// (--max_instances_per_offer), one per round across all offers, each going to the first waiting
// app that fits it (CPUs, memory, disk, GPUs and ports together, and every constraint counting the
// app's instances placed so far). Cycles repeat while anything was placed. Marathon does not
// spread by default: a third instance goes back onto the first agent.

import type { InstanceDemand } from "./appDemand.ts";
import { compileConstraintPattern } from "./constraintPattern.ts";
import { portCount, type FitAgent } from "./fitAgents.ts";

export const MAX_INSTANCES_PER_OFFER = 5;

export interface PlacementRequest {
  id: string;
  demand: InstanceDemand;
  /** Instances still to place. */
  wanted: number;
  /** Agent ids of the app's instances that already run (they count for UNIQUE, MAX_PER, …). */
  placedOn: string[];
}

export interface PlacementResult {
  id: string;
  placed: number;
  /** Agent ids of the new instances, in placement order. */
  agents: string[];
}

type Free = FitAgent["free"];

function fieldValue(agent: FitAgent, field: string): string | undefined {
  return field === "hostname" || field === "@hostname" ? agent.hostname : agent.attributes[field];
}

const patterns = new Map<string, RegExp | null>();
function pattern(value: string): RegExp | null {
  if (!patterns.has(value)) {
    const c = compileConstraintPattern(value);
    patterns.set(value, "regex" in c ? c.regex : null);
  }
  return patterns.get(value)!;
}

/** Constraints.scala semantics for one offer, given where the app's instances are. */
export function meetsConstraint(c: readonly string[], agent: FitAgent, placedOn: readonly string[], agents: ReadonlyMap<string, FitAgent>): boolean {
  const [field = "", op, value] = c;
  const mine = fieldValue(agent, field);
  const values = placedOn.map((id) => agents.get(id)).map((a) => (a ? fieldValue(a, field) : undefined));
  const countOf = (v: string | undefined) => values.filter((x) => x === v).length;
  switch (op) {
    case "UNIQUE":
      return mine !== undefined && countOf(mine) === 0;
    case "CLUSTER":
      if (mine === undefined) return false;
      return value ? mine === value : values.every((v) => v === mine);
    case "LIKE":
      return mine !== undefined && !!pattern(value ?? "")?.test(mine);
    case "UNLIKE":
      return mine === undefined || !pattern(value ?? "")?.test(mine);
    case "MAX_PER":
      return mine !== undefined && countOf(mine) < Number(value);
    case "GROUP_BY": {
      if (mine === undefined) return false;
      // Even spread: an offer is taken only for a value that has the fewest instances so far.
      const counts = new Map<string, number>();
      for (const a of agents.values()) {
        const v = fieldValue(a, field);
        if (v !== undefined) counts.set(v, 0);
      }
      for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
      return (counts.get(mine) ?? 0) <= Math.min(...counts.values());
    }
    default:
      return false;
  }
}

const EPS = 1e-9;

export function resourcesFit(d: InstanceDemand, free: Free): boolean {
  if (free.cpus + EPS < d.cpus || free.memMb + EPS < d.memMb || free.diskMb + EPS < d.diskMb || free.gpus + EPS < d.gpus) return false;
  if (!d.fixedPorts.every((p) => free.ports.some(([b, e]) => p >= b && p <= e))) return false;
  return portCount(free.ports) - d.fixedPorts.length >= d.dynamicPorts;
}

/** Takes one instance's resources from `free` (dynamic ports from the bottom of the ranges). */
function take(d: InstanceDemand, free: Free): void {
  free.cpus -= d.cpus;
  free.memMb -= d.memMb;
  free.diskMb -= d.diskMb;
  free.gpus -= d.gpus;
  const used: number[] = [...d.fixedPorts];
  let need = d.dynamicPorts;
  for (const [b, e] of free.ports) {
    for (let p = b; p <= e && need > 0; p++) {
      if (!used.includes(p)) {
        used.push(p);
        need--;
      }
    }
    if (need === 0) break;
  }
  used.sort((a, b) => a - b);
  free.ports = free.ports.flatMap(([b, e]) => {
    const out: [number, number][] = [];
    let start = b;
    for (const p of used) {
      if (p < start || p > e) continue;
      if (p > start) out.push([start, p - 1]);
      start = p + 1;
    }
    if (start <= e) out.push([start, e]);
    return out;
  });
}

/**
 * Places `requests` (in deployment order) on copies of `agents`; the agents passed in are not
 * changed. Returns how many of each could be placed and where.
 */
export function placeInstances(agents: readonly FitAgent[], requests: readonly PlacementRequest[]): PlacementResult[] {
  const byId = new Map(agents.map((a) => [a.id, a]));
  const free = new Map(agents.map((a) => [a.id, { ...a.free, ports: a.free.ports.map(([b, e]) => [b, e] as [number, number]) }]));
  const state = requests.map((r) => ({ r, left: r.wanted, on: [...r.placedOn], agents: [] as string[] }));
  for (;;) {
    let placedThisCycle = false;
    const offers = agents
      .filter((a) => {
        const f = free.get(a.id)!;
        return f.cpus >= 0.01 || f.memMb >= 32;
      })
      .map((a) => ({ agent: a, ops: 0 }));
    for (let round = 0; round < MAX_INSTANCES_PER_OFFER; round++) {
      let placedThisRound = false;
      for (const offer of offers) {
        if (offer.ops > round) continue;
        const f = free.get(offer.agent.id)!;
        for (const s of state) {
          if (s.left === 0) continue;
          if (!resourcesFit(s.r.demand, f)) continue;
          if (!s.r.demand.constraints.every((c) => meetsConstraint(c, offer.agent, s.on, byId))) continue;
          take(s.r.demand, f);
          s.left--;
          s.on.push(offer.agent.id);
          s.agents.push(offer.agent.id);
          offer.ops++;
          placedThisRound = placedThisCycle = true;
          break;
        }
      }
      if (!placedThisRound) break;
    }
    if (!placedThisCycle || state.every((s) => s.left === 0)) break;
  }
  return state.map((s) => ({ id: s.r.id, placed: s.r.wanted - s.left, agents: s.agents }));
}
