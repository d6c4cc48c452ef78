// Where Marathon would put the group's instances, re-derived from Marathon 1.5.1's offer
// matching (audit §1.11; the stand-in's standin/marathon/scheduler.ts models the same): every
// allocation cycle each active agent is one offer; an offer takes at most 5 instances
// (--max_instances_per_offer), one per round across all offers, each going to the first waiting
// app that fits it (CPUs, memory, disk, GPUs and ports together, and every constraint counting the
// app's instances placed so far). Cycles repeat while anything was placed. Marathon does not
// spread by default: a third instance goes back onto the first agent.

import type { InstanceDemand } from "./appDemand.ts";
import { portCount, type FitAgent } from "./fitAgents.ts";
import { fieldValuesOf, PlacedInstances } from "./placedInstances.ts";

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

const EPS = 1e-9;

/** `portsFree`: the free ports' count when the caller already has it (it is asked 1,000s of times). */
export function resourcesFit(d: InstanceDemand, free: Free, portsFree?: number): boolean {
  if (free.cpus + EPS < d.cpus || free.memMb + EPS < d.memMb || free.diskMb + EPS < d.diskMb || free.gpus + EPS < d.gpus) return false;
  if (d.fixedPorts.length === 0 && d.dynamicPorts === 0) return true;
  for (const p of d.fixedPorts) if (!inRanges(free.ports, p)) return false;
  return (portsFree ?? portCount(free.ports)) - d.fixedPorts.length >= d.dynamicPorts;
}

function inRanges(ranges: readonly (readonly [number, number])[], p: number): boolean {
  for (const [b, e] of ranges) if (p >= b && p <= e) return true;
  return false;
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
  const values = fieldValuesOf(agents);
  const free = new Map(agents.map((a) => [a.id, { ...a.free, ports: a.free.ports.map(([b, e]) => [b, e] as [number, number]) }]));
  const state = requests.map((r) => ({ r, left: r.wanted, on: new PlacedInstances(r.demand.constraints, byId, values, r.placedOn), agents: [] as string[] }));
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
      const waiting = state.filter((s) => s.left > 0);
      for (const offer of offers) {
        if (offer.ops > round) continue;
        const f = free.get(offer.agent.id)!;
        for (const s of waiting) {
          if (s.left === 0) continue;
          if (!resourcesFit(s.r.demand, f)) continue;
          if (!s.on.allow(offer.agent)) continue;
          take(s.r.demand, f);
          s.left--;
          s.on.add(offer.agent);
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
