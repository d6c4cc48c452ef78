// Where Marathon would put the group's instances, re-derived from Marathon 1.5.1's offer
// matching (audit §1.11; the stand-in's standin/marathon/scheduler.ts models the same): every
// allocation cycle each active agent is one offer; an offer takes at most 5 instances
// (--max_instances_per_offer), one per round across all offers, each going to the first waiting
// app that fits it (CPUs, memory, disk, GPUs and ports together, and every constraint counting the
// app's instances placed so far). Cycles repeat while anything was placed. Marathon does not
// spread by default: a third instance goes back onto the first agent.

import type { InstanceDemand } from "./appDemand.ts";
import { constraintMatcher } from "./constraintPattern.ts";
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

interface PatternCache {
  matcher: ((v: string) => boolean) | null;
  results: Map<string, boolean>;
}
const patterns = new Map<string, PatternCache>();
/** Whole-match of a LIKE/UNLIKE value; null when Armdeck does not evaluate that pattern. Cached:
 * agents share few attribute values, and the check asks the same pair thousands of times. */
function matches(pattern: string, value: string): boolean | null {
  let p = patterns.get(pattern);
  if (!p) {
    // Bounded: patterns come from request bodies.
    if (patterns.size > 1_000) patterns.clear();
    patterns.set(pattern, (p = { matcher: constraintMatcher(pattern), results: new Map() }));
  }
  if (!p.matcher) return null;
  let r = p.results.get(value);
  if (r === undefined) {
    if (p.results.size > 10_000) p.results.clear();
    p.results.set(value, (r = p.matcher(value)));
  }
  return r;
}

/**
 * Where one app's instances are, counted per value of each constrained field, kept up to date as
 * instances are placed, so a constraint is answered without walking the placed list.
 */
export class PlacedInstances {
  private readonly counts = new Map<string, Map<string | undefined, number>>();
  private placed = 0;

  constructor(
    private readonly constraints: readonly (readonly string[])[],
    private readonly agents: ReadonlyMap<string, FitAgent>,
    /** Distinct values of each field over all agents (GROUP_BY spreads across them). */
    private readonly fieldValues: (field: string) => ReadonlySet<string>,
    agentIds: readonly string[] = [],
  ) {
    for (const c of constraints) if (!this.counts.has(c[0] ?? "")) this.counts.set(c[0] ?? "", new Map());
    for (const id of agentIds) {
      const a = agents.get(id);
      if (a) this.add(a);
    }
  }

  add(agent: FitAgent): void {
    this.placed++;
    for (const [field, m] of this.counts) {
      const v = fieldValue(agent, field);
      m.set(v, (m.get(v) ?? 0) + 1);
    }
  }

  /** Constraints.scala semantics for one offer, given where the app's instances are. */
  allow(agent: FitAgent): boolean {
    for (let i = 0; i < this.constraints.length; i++) if (!this.meets(this.constraints[i]!, agent)) return false;
    return true;
  }

  private meets(c: readonly string[], agent: FitAgent): boolean {
    const [field = "", op, value] = c;
    const mine = fieldValue(agent, field);
    const counts = this.counts.get(field)!;
    const here = counts.get(mine) ?? 0;
    switch (op) {
      case "UNIQUE":
        return mine !== undefined && here === 0;
      case "CLUSTER":
        if (mine === undefined) return false;
        return value ? mine === value : this.placed === 0 || here === this.placed;
      // A pattern beyond what Armdeck evaluates is assumed met (the check warns about it).
      case "LIKE":
        return mine !== undefined && (matches(value ?? "", mine) ?? true);
      case "UNLIKE":
        return mine === undefined || !(matches(value ?? "", mine) ?? false);
      case "MAX_PER":
        return mine !== undefined && here < Number(value);
      case "GROUP_BY": {
        if (mine === undefined) return false;
        // Even spread: an offer is taken only for a value that has the fewest instances so far.
        let min = Infinity;
        for (const v of this.fieldValues(field)) min = Math.min(min, counts.get(v) ?? 0);
        return here <= min;
      }
      default:
        return false;
    }
  }
}

/** Distinct values of each field over the agents, computed once per field. */
export function fieldValuesOf(agents: readonly FitAgent[]): (field: string) => ReadonlySet<string> {
  const memo = new Map<string, Set<string>>();
  return (field) => {
    let set = memo.get(field);
    if (!set) {
      set = new Set();
      for (const a of agents) {
        const v = fieldValue(a, field);
        if (v !== undefined) set.add(v);
      }
      memo.set(field, set);
    }
    return set;
  };
}

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
