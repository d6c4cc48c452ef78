// Placement constraints as Marathon 1.5.1 evaluates them against one offer
// (mesosphere.mesos.Constraints): the field is `hostname` or an agent attribute; the count of
// the app's instances per field value includes instances placed earlier in the same cycle.

import type { Agent } from "../mesos/types";

export interface PlacedInstance {
  agentId: string;
}

function fieldValue(agent: Agent, field: string): string | undefined {
  if (field === "hostname" || field === "@hostname") return agent.hostname;
  const v = agent.attributes[field];
  return v === undefined ? undefined : String(v);
}

export function meetsConstraint(constraint: string[], agent: Agent, placed: readonly PlacedInstance[], agents: ReadonlyMap<string, Agent>): boolean {
  const [field = "", op, value = ""] = constraint;
  const offerValue = fieldValue(agent, field);
  const placedValues = placed.map((p) => agents.get(p.agentId)).filter((a): a is Agent => !!a).map((a) => fieldValue(a, field));
  const countOf = (v: string | undefined) => placedValues.filter((x) => x === v).length;
  switch (op) {
    case "UNIQUE":
      return offerValue !== undefined && countOf(offerValue) === 0;
    case "CLUSTER":
      if (offerValue === undefined) return false;
      if (value) return offerValue === value;
      return placedValues.length === 0 || placedValues.every((v) => v === offerValue);
    case "LIKE":
      return offerValue !== undefined && new RegExp(`^(?:${value})$`).test(offerValue);
    case "UNLIKE":
      return offerValue === undefined || !new RegExp(`^(?:${value})$`).test(offerValue);
    case "MAX_PER":
      return offerValue !== undefined && countOf(offerValue) < Number(value);
    case "GROUP_BY": {
      if (offerValue === undefined) return false;
      // Spread evenly: accept only a value that has the fewest instances among the values seen
      // so far (all agents' values are known to the stand-in, as offers reveal them over time).
      const groups = Number(value) || 0;
      const counts = new Map<string, number>();
      for (const a of agents.values()) {
        const v = fieldValue(a, field);
        if (v !== undefined) counts.set(v, 0);
      }
      for (const v of placedValues) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
      if (groups && counts.size < groups && countOf(offerValue) === 0) return true;
      const min = Math.min(...counts.values());
      return (counts.get(offerValue) ?? 0) <= min;
    }
    default:
      return false;
  }
}
