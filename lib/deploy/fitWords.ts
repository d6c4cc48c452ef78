// The fit check in the runbook's words: "4 instances need 1 CPU, 512 MB and 4 GB in all; each
// needs 0.25 CPU, 128 MB and 1 GB on one agent; agent od1000-0 has …". Sizes of 1000 MB and more
// are said in GB of 1000 MB, as the runbook says basic.json's 1000 MB disk ("1 GB").

import type { InstanceDemand } from "./appDemand.ts";
import { portCount, type FitAgent } from "./fitAgents.ts";

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function cpusText(cpus: number): string {
  const n = round(Math.max(0, cpus), 3);
  return `${n} CPU${n === 1 || n < 1 ? "" : "s"}`;
}

export function sizeText(mb: number): string {
  const v = Math.max(0, mb);
  if (v < 1000) return `${round(v, 1)} MB`;
  const gb = v / 1000;
  return `${gb >= 100 ? Math.round(gb) : round(gb, 1)} GB`;
}

export function amountsText(cpus: number, memMb: number, diskMb: number): string {
  return `${cpusText(cpus)}, ${sizeText(memMb)} and ${sizeText(diskMb)}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function agentHas(a: FitAgent): string {
  const ports = portCount(a.free.ports);
  return `agent ${a.hostname} has ${amountsText(a.free.cpus, a.free.memMb, a.free.diskMb)} free${ports ? ` (${plural(ports, "port")})` : ""}`;
}

/** Up to `max` agents, most free memory first, then "and N more". */
export function agentsHave(agents: readonly FitAgent[], max = 3): string {
  const sorted = [...agents].sort((a, b) => b.free.memMb - a.free.memMb || b.free.cpus - a.free.cpus);
  const shown = sorted.slice(0, max).map(agentHas);
  if (sorted.length > max) shown.push(`and ${sorted.length - max} more`);
  return shown.join(", ");
}

export function needText(instances: number, d: InstanceDemand): string {
  return `${plural(instances, "instance")} need${instances === 1 ? "s" : ""} ${amountsText(d.cpus * instances, d.memMb * instances, d.diskMb * instances)} in all; each needs ${amountsText(d.cpus, d.memMb, d.diskMb)} on one agent${d.fixedPorts.length + d.dynamicPorts ? ` (with ${plural(d.fixedPorts.length + d.dynamicPorts, "host port")})` : ""}`;
}

type Pick = { need: (d: InstanceDemand) => number; free: (a: FitAgent) => number; missing: (n: number) => string; best: (n: number) => string };
const PICKS: Pick[] = [
  { need: (d) => d.cpus, free: (a) => a.free.cpus, missing: (n) => `${cpusText(n)} free`, best: (n) => `the largest has ${cpusText(n)}` },
  { need: (d) => d.memMb, free: (a) => a.free.memMb, missing: (n) => `${sizeText(n)} of free memory`, best: (n) => `the largest has ${sizeText(n)}` },
  { need: (d) => d.diskMb, free: (a) => a.free.diskMb, missing: (n) => `${sizeText(n)} of free disk`, best: (n) => `the largest has ${sizeText(n)}` },
  { need: (d) => d.gpus, free: (a) => a.free.gpus, missing: (n) => plural(n, "free GPU"), best: (n) => `the most any agent has is ${n}` },
  { need: (d) => d.fixedPorts.length + d.dynamicPorts, free: (a) => portCount(a.free.ports), missing: (n) => plural(n, "free port"), best: (n) => `the most any agent has is ${n}` },
];

/** Why not one agent can take one instance: each resource no agent has, else the mix no agent has. */
export function noAgentFitsText(d: InstanceDemand, agents: readonly FitAgent[]): string {
  if (agents.length === 0) return "no agent is active";
  const short: string[] = [];
  for (const p of PICKS) {
    const need = p.need(d);
    if (need <= 0) continue;
    const best = agents.reduce((b, a) => (p.free(a) > p.free(b) ? a : b));
    if (p.free(best) + 1e-9 < need) short.push(`no agent has ${p.missing(need)}; ${p.best(Math.max(0, p.free(best)))} (${best.hostname})`);
  }
  if (d.fixedPorts.length) {
    const ok = agents.some((a) => d.fixedPorts.every((port) => a.free.ports.some(([b, e]) => port >= b && port <= e)));
    if (!ok) short.push(`no agent has host port${d.fixedPorts.length === 1 ? "" : "s"} ${d.fixedPorts.join(", ")} free`);
  }
  if (short.length) return short.join("; ");
  return `no single agent has ${amountsText(d.cpus, d.memMb, d.diskMb)} free together (${agentsHave(agents)})`;
}
