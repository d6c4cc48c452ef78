import type { MesosAgent, MesosResources, MesosState } from "../mesos/mesosSchemas.ts";
import { countPorts, isoFromSeconds, roundResource } from "./units.ts";

// GET /api/v1/clusters/{id}/resources: the numbers Mesos itself reports (an agent's `resources`
// and `used_resources`; used = allocated to tasks and executors, not measured load, audit §2.4),
// summed over the registered agents.

export interface Amounts {
  cpus: number;
  memMb: number;
  diskMb: number;
}

export interface AgentResources {
  id: string;
  hostname: string;
  /** From the agent's `arch` attribute, else the provisioned node's facts; null when neither says. */
  arch: string | null;
  active: boolean;
  version: string | null;
  registeredAt: string | null;
  /** `ports` as Mesos writes ranges ("[31000-32000]"); portCount is how many ports they hold. */
  total: Amounts & { ports: string | null; portCount: number };
  used: Amounts & { ports: string | null; portCount: number };
  tasks: number;
}

export interface ResourcesView {
  total: Amounts & { portCount: number };
  used: Amounts & { portCount: number };
  agents: AgentResources[];
}

export interface ResourcesInput {
  /** Architectures from the provisioned cluster's node facts, by hostname (Mesos has none, audit §2.7). */
  archByHostname?: ReadonlyMap<string, string>;
}

// Agents are started with --attributes=arch:aarch64 where Armdeck provisions them; other
// spellings seen in the wild are read too.
const ARCH_ATTRIBUTES = ["arch", "architecture", "cpu_arch", "kernel.arch"];

function archOf(agent: MesosAgent, facts?: ReadonlyMap<string, string>): string | null {
  for (const key of ARCH_ATTRIBUTES) {
    const v = agent.attributes[key];
    if (typeof v === "string" && v) return v;
  }
  return facts?.get(agent.hostname) ?? facts?.get(agent.hostname.toLowerCase()) ?? null;
}

function amounts(r: MesosResources): Amounts {
  return { cpus: r.cpus, memMb: r.mem, diskMb: r.disk };
}

function tasksPerAgent(state: MesosState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const fw of state.frameworks) {
    for (const t of fw.tasks) if (t.slave_id) counts.set(t.slave_id, (counts.get(t.slave_id) ?? 0) + 1);
  }
  return counts;
}

/** The memo key of a resources view (viewMemo.ts): the overview and the resources panel share one per poll. */
export function resourcesViewKey(archByHostname?: ReadonlyMap<string, string>): string {
  return `resources:${JSON.stringify([...(archByHostname ?? new Map()).entries()])}`;
}

export function resourcesView(state: MesosState, input: ResourcesInput = {}): ResourcesView {
  const tasks = tasksPerAgent(state);
  const agents = state.slaves.map((a): AgentResources => ({
    id: a.id,
    hostname: a.hostname,
    arch: archOf(a, input.archByHostname),
    active: a.active,
    version: a.version ?? null,
    registeredAt: isoFromSeconds(a.registered_time),
    total: { ...amounts(a.resources), ports: a.resources.ports ?? null, portCount: countPorts(a.resources.ports) },
    used: { ...amounts(a.used_resources), ports: a.used_resources.ports ?? null, portCount: countPorts(a.used_resources.ports) },
    tasks: tasks.get(a.id) ?? 0,
  }));
  agents.sort((x, y) => x.hostname.localeCompare(y.hostname) || x.id.localeCompare(y.id));
  const sum = (pick: (a: AgentResources) => Amounts & { portCount: number }) => {
    const s = { cpus: 0, memMb: 0, diskMb: 0, portCount: 0 };
    for (const a of agents) {
      const v = pick(a);
      s.cpus += v.cpus;
      s.memMb += v.memMb;
      s.diskMb += v.diskMb;
      s.portCount += v.portCount;
    }
    return { cpus: roundResource(s.cpus), memMb: roundResource(s.memMb), diskMb: roundResource(s.diskMb), portCount: s.portCount };
  };
  return { total: sum((a) => a.total), used: sum((a) => a.used), agents };
}
