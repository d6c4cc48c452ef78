// The resource-fit check of a group against the live agents: every instance must fit on ONE
// agent (CPUs, memory, disk and ports together, counting what is used now), instances placed as
// Marathon would place them (placement.ts), constraints that cannot be met, and the totals
// against what is free. Apps of the group that already run count as placed, so an unchanged
// re-deploy never fails the fit.

import type { AppFit, GroupFit } from "./deployContract.ts";
import { instanceDemand, instancesOf, type InstanceDemand } from "./appDemand.ts";
import { portCount, type FitAgent } from "./fitAgents.ts";
import { agentsHave, amountsText, cpusText, needText, noAgentFitsText, sizeText } from "./fitWords.ts";
import type { TreeNode } from "./groupTree.ts";
import { meetsConstraint, placeInstances, resourcesFit, type PlacementRequest } from "./placement.ts";

/** An app Marathon runs now: its per-instance resources and the agents of its live tasks. */
export interface RunningApp {
  cpus: number;
  memMb: number;
  diskMb: number;
  agentIds: string[];
}

export interface FitInput {
  apps: readonly TreeNode[];
  /** Null when Mesos' state could not be read. */
  agents: readonly FitAgent[] | null;
  fetchedAt: string | null;
  running: ReadonlyMap<string, RunningApp>;
}

const demandAmounts = (d: InstanceDemand) => ({ cpus: d.cpus, memMb: d.memMb, diskMb: d.diskMb, ports: d.fixedPorts.length + d.dynamicPorts });
const sameResources = (d: InstanceDemand, r: RunningApp) => Math.abs(d.cpus - r.cpus) < 1e-9 && Math.abs(d.memMb - r.memMb) < 1e-9 && Math.abs(d.diskMb - r.diskMb) < 1e-9;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Constraints no placement can meet, in words (the placement then says how many fit). */
function constraintLimits(d: InstanceDemand, instances: number, agents: readonly FitAgent[]): string[] {
  const out: string[] = [];
  for (const c of d.constraints) {
    const [field = "", op, value] = c;
    const values = new Set(agents.map((a) => (field === "hostname" || field === "@hostname" ? a.hostname : a.attributes[field])).filter((v) => v !== undefined));
    if (op === "UNIQUE" && instances > values.size) out.push(`${instances} instances with ${field}:UNIQUE, but only ${plural(values.size, field === "hostname" ? "agent" : `value of ${field}`)}: at most ${values.size} can run`);
    if ((op === "LIKE" || op === "CLUSTER" || op === "GROUP_BY" || op === "MAX_PER") && values.size === 0) out.push(`no agent has the attribute "${field}", so ${field}:${op}${value ? `:${value}` : ""} cannot be met`);
    if (op === "MAX_PER" && values.size > 0 && instances > values.size * Number(value)) out.push(`${field}:MAX_PER:${value} allows at most ${values.size * Number(value)} instances on ${plural(values.size, "value")} of ${field}`);
  }
  return out;
}

function appFit(node: TreeNode, d: InstanceDemand, instances: number, already: number, placed: number, placedOn: string[], agents: readonly FitAgent[], byId: ReadonlyMap<string, FitAgent>): AppFit {
  const fitOne = agents.filter((a) => resourcesFit(d, a.free) && d.constraints.every((c) => meetsConstraint(c, a, placedOn, byId)));
  const placeable = already + placed;
  const ok = placeable >= instances;
  const parts = [`${needText(instances, d)}`];
  if (already) parts.push(`${already} already run${already === 1 ? "s" : ""}`);
  if (agents.length) parts.push(agentsHave(agents));
  let tail: string;
  if (ok) tail = instances === 0 ? "nothing to place" : `all ${instances} can be placed`;
  else if (agents.filter((a) => resourcesFit(d, a.free)).length === 0) tail = `${noAgentFitsText(d, agents)}: each instance must fit on one agent`;
  else {
    const limits = constraintLimits(d, instances, agents);
    tail = `only ${placeable} of ${instances} can be placed${limits.length ? `: ${limits.join("; ")}` : ": the agents that fit one instance run out of room (each instance must fit on one agent)"}`;
  }
  return { id: node.id!, path: node.pointer, instances, each: demandAmounts(d), agentsThatFitOne: fitOne.length, placeable, ok, explanation: `${parts.join("; ")}: ${tail}.` };
}

/** The field to put a refusal next to: the one resource no agent has, else the constraints, else the app. */
function refusalField(d: InstanceDemand, agents: readonly FitAgent[], pointer: string): string {
  const fitsOne = agents.some((a) => resourcesFit(d, a.free));
  if (fitsOne) return d.constraints.length ? `${pointer}/constraints` : `${pointer}/instances`;
  const short = [
    ["cpus", agents.every((a) => a.free.cpus + 1e-9 < d.cpus)],
    ["mem", agents.every((a) => a.free.memMb + 1e-9 < d.memMb)],
    ["disk", agents.every((a) => a.free.diskMb + 1e-9 < d.diskMb)],
  ].filter(([, s]) => s);
  return short.length === 1 ? `${pointer}/${short[0]![0]}` : pointer;
}

export interface FitOutcome {
  fit: GroupFit;
  /** Per refused app (by its pointer): the field its refusal belongs to. */
  refusalPaths: Map<string, string>;
}

export function groupFit(input: FitInput): FitOutcome {
  const outcome = fitOf(input);
  const refusalPaths = new Map<string, string>();
  for (const f of outcome.fit.apps) {
    if (f.ok) continue;
    const node = input.apps.find((a) => a.pointer === f.path)!;
    refusalPaths.set(f.path, refusalField(instanceDemand(node.raw), outcome.agents, f.path));
  }
  return { fit: outcome.fit, refusalPaths };
}

function fitOf(input: FitInput): { fit: GroupFit; agents: FitAgent[] } {
  const apps = input.apps.filter((a) => a.id);
  const demands = apps.map((a) => ({ node: a, d: instanceDemand(a.raw), instances: instancesOf(a.raw) }));
  const need = demands.reduce(
    (n, { d, instances }) => ({ cpus: n.cpus + d.cpus * instances, memMb: n.memMb + d.memMb * instances, diskMb: n.diskMb + d.diskMb * instances, ports: n.ports + (d.fixedPorts.length + d.dynamicPorts) * instances, instances: n.instances + instances }),
    { cpus: 0, memMb: 0, diskMb: 0, ports: 0, instances: 0 },
  );
  if (!input.agents) {
    const summary = `${plural(need.instances, "instance")} need ${amountsText(need.cpus, need.memMb, need.diskMb)} in all; the agents could not be read from Mesos, so the fit was not checked.`;
    return { fit: { checked: false, fetchedAt: input.fetchedAt, agents: [], need, free: { cpus: 0, memMb: 0, diskMb: 0, ports: 0 }, apps: [], summary }, agents: [] };
  }
  // An app that changes its resources is replaced: its running instances' share is given back
  // first (optimistic: Marathon's upgrade may briefly run old and new side by side).
  const agents = input.agents.map((a) => ({ ...a, free: { ...a.free, ports: [...a.free.ports] } }));
  const byId = new Map(agents.map((a) => [a.id, a]));
  const requests: PlacementRequest[] = [];
  const already = new Map<string, number>();
  for (const { node, d, instances } of demands) {
    const running = input.running.get(node.id!);
    if (running && sameResources(d, running)) {
      already.set(node.id!, Math.min(instances, running.agentIds.length));
      requests.push({ id: node.id!, demand: d, wanted: Math.max(0, instances - running.agentIds.length), placedOn: running.agentIds });
      continue;
    }
    for (const agentId of running?.agentIds ?? []) {
      const a = byId.get(agentId);
      if (a) Object.assign(a.free, { cpus: a.free.cpus + running!.cpus, memMb: a.free.memMb + running!.memMb, diskMb: a.free.diskMb + running!.diskMb });
    }
    requests.push({ id: node.id!, demand: d, wanted: instances, placedOn: [] });
  }
  const results = placeInstances(agents, requests);
  const fits = demands.map(({ node, d, instances }, i) => appFit(node, d, instances, already.get(node.id!) ?? 0, results[i]!.placed, requests[i]!.placedOn, agents, byId));
  const free = agents.reduce((n, a) => ({ cpus: n.cpus + a.free.cpus, memMb: n.memMb + a.free.memMb, diskMb: n.diskMb + a.free.diskMb, ports: n.ports + portCount(a.free.ports) }), { cpus: 0, memMb: 0, diskMb: 0, ports: 0 });
  const shown = agents.map((a) => ({ id: a.id, hostname: a.hostname, free: { cpus: a.free.cpus, memMb: a.free.memMb, diskMb: a.free.diskMb, ports: portCount(a.free.ports) } }));
  return { fit: { checked: true, fetchedAt: input.fetchedAt, agents: shown, need, free, apps: fits, summary: summaryOf(demands, need, free, agents, fits) }, agents };
}

function summaryOf(demands: { d: InstanceDemand; instances: number }[], need: GroupFit["need"], free: GroupFit["free"], agents: readonly FitAgent[], fits: AppFit[]): string {
  const same = demands.length > 0 && demands.every(({ d }) => d.cpus === demands[0]!.d.cpus && d.memMb === demands[0]!.d.memMb && d.diskMb === demands[0]!.d.diskMb);
  const head = same ? needText(need.instances, demands[0]!.d) : `${plural(need.instances, "instance")} need ${amountsText(need.cpus, need.memMb, need.diskMb)} in all`;
  const parts = [head, agents.length ? agentsHave(agents) : "no agent is active"];
  const short: string[] = [];
  if (need.cpus > free.cpus + 1e-9) short.push(`${cpusText(need.cpus)} needed but ${cpusText(free.cpus)} free in all`);
  if (need.memMb > free.memMb + 1e-9) short.push(`${sizeText(need.memMb)} of memory needed but ${sizeText(free.memMb)} free in all`);
  if (need.diskMb > free.diskMb + 1e-9) short.push(`${sizeText(need.diskMb)} of disk needed but ${sizeText(free.diskMb)} free in all`);
  const refused = fits.filter((f) => !f.ok);
  const verdict = short.length
    ? `the cluster is too small: ${short.join("; ")}`
    : refused.length
      ? `the totals fit, but ${refused.length === 1 ? `${refused[0]!.id} does not` : `${refused.length} apps do not`}: each instance must fit on one agent`
      : "everything fits";
  return `${parts.join("; ")}: ${verdict}.`;
}
