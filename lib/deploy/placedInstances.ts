// Constraints as Marathon 1.5.1 evaluates them against one offer (Constraints.scala): the field is
// `hostname` or an agent attribute, and the count of the app's instances per field value includes
// those placed earlier in the same check. Re-derived here, not shared with the stand-in
// (standin/marathon/constraints.ts), so a test of one against the other can catch either.

import { constraintMatcher } from "./constraintPattern.ts";
import type { FitAgent } from "./fitAgents.ts";

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
