// The shared Mesos model: masters (at most one leading), agents, frameworks and tasks. Used
// resources are kept incrementally per agent so placement and /master/state stay cheap with
// 1,000 agents and 10,000 tasks.

import type { Clock } from "../clock";
import { roundResource, subtractPorts, type Resources } from "./resources";
import { TERMINAL_STATES, type Agent, type Framework, type MasterInfo, type MesosTask, type MesosTaskState, type TaskStatus } from "./types";

export interface AgentUsage {
  cpus: number;
  gpus: number;
  mem: number;
  disk: number;
  ports: Set<number>;
  tasks: number;
}

export interface AddAgentInput {
  hostname: string;
  ip?: string;
  port?: number;
  resources: Resources;
  attributes?: Agent["attributes"];
  version?: string;
  id?: string;
}

export class MesosCluster {
  readonly clusterId: string;
  readonly masters: MasterInfo[];
  leaderIndex: number | null;
  readonly version: string;
  readonly agents = new Map<string, Agent>();
  readonly frameworks = new Map<string, Framework>();
  readonly tasks = new Map<string, MesosTask>();
  readonly completedTasks: MesosTask[] = [];
  private readonly usage = new Map<string, AgentUsage>();
  private agentSeq = 0;
  private frameworkSeq = 0;
  /** Bumped on every change; the HTTP layer caches serialized replies by it. */
  revision = 0;
  /** The flags a master process was started with (the shims' mesos-master); else the writers' defaults. */
  readonly flags?: Readonly<Record<string, string>>;

  constructor(
    private readonly clock: Clock,
    opts: { clusterId: string; masters: { hostname: string; ip: string; port: number }[]; version?: string; flags?: Record<string, string> },
  ) {
    this.clusterId = opts.clusterId;
    this.flags = opts.flags;
    this.version = opts.version ?? "1.4.0";
    const start = clock.now() / 1000;
    // Master ids are UUIDs; agents and frameworks take the first leader's id as prefix, as in Mesos.
    this.masters = opts.masters.map((m, i) => ({ id: i === 0 ? opts.clusterId : `${opts.clusterId.slice(0, -2)}${String(i).padStart(2, "0")}`, ...m, startTime: start }));
    this.leaderIndex = this.masters.length ? 0 : null;
    if (this.masters[0]) this.masters[0].electedTime = start;
  }

  private touch(): void {
    this.revision++;
  }

  nowSeconds(): number {
    return this.clock.now() / 1000;
  }

  leader(): MasterInfo | null {
    return this.leaderIndex === null ? null : (this.masters[this.leaderIndex] ?? null);
  }

  setLeader(index: number | null): void {
    this.leaderIndex = index;
    if (index !== null && this.masters[index]) this.masters[index].electedTime = this.nowSeconds();
    this.touch();
  }

  addAgent(input: AddAgentInput): Agent {
    const id = input.id ?? `${this.clusterId}-S${this.agentSeq++}`;
    const agent: Agent = {
      id,
      hostname: input.hostname,
      ip: input.ip ?? "127.0.0.1",
      port: input.port ?? 5051,
      attributes: input.attributes ?? {},
      resources: input.resources,
      registeredTime: this.nowSeconds(),
      active: true,
      version: input.version ?? this.version,
      nextBridgeHost: 2,
    };
    this.agents.set(id, agent);
    this.usage.set(id, { cpus: 0, gpus: 0, mem: 0, disk: 0, ports: new Set(), tasks: 0 });
    this.touch();
    return agent;
  }

  /** Removing an agent loses its tasks the way Mesos reports them: TASK_LOST (onLost lets Marathon react). */
  removeAgent(id: string, onLost?: (task: MesosTask) => void): boolean {
    if (!this.agents.has(id)) return false;
    for (const task of [...this.tasks.values()]) {
      if (task.slaveId === id) {
        this.updateTask(task.id, { state: "TASK_LOST", message: "Agent removed" });
        onLost?.(task);
      }
    }
    this.agents.delete(id);
    this.usage.delete(id);
    this.touch();
    return true;
  }

  setAgentActive(id: string, active: boolean): void {
    const agent = this.agents.get(id);
    if (agent) {
      agent.active = active;
      this.touch();
    }
  }

  /** An agent that re-registers keeps its id and reports the version it now runs (Master::reregisterSlave updates it). */
  setAgentVersion(id: string, version: string): void {
    const agent = this.agents.get(id);
    if (agent && agent.version !== version) {
      agent.version = version;
      this.touch();
    }
  }

  usageOf(agentId: string): AgentUsage {
    const u = this.usage.get(agentId);
    if (!u) throw new Error(`unknown agent ${agentId}`);
    return u;
  }

  usedResources(agentId: string): Resources {
    const u = this.usageOf(agentId);
    return { cpus: roundResource(u.cpus), gpus: u.gpus, mem: roundResource(u.mem), disk: roundResource(u.disk), ports: portsRanges(u.ports) };
  }

  /** What the allocator could offer now: total minus what tasks use. */
  freeResources(agentId: string): Resources {
    const agent = this.agents.get(agentId)!;
    const u = this.usageOf(agentId);
    return {
      cpus: roundResource(agent.resources.cpus - u.cpus),
      gpus: agent.resources.gpus - u.gpus,
      mem: roundResource(agent.resources.mem - u.mem),
      disk: roundResource(agent.resources.disk - u.disk),
      ports: subtractPorts(agent.resources.ports, u.ports),
    };
  }

  registerFramework(input: Omit<Framework, "id" | "registeredTime" | "active" | "connected"> & { id?: string }): Framework {
    const id = input.id ?? `${this.clusterId}-${String(this.frameworkSeq++).padStart(4, "0")}`;
    const framework: Framework = { ...input, id, registeredTime: this.nowSeconds(), active: true, connected: true };
    this.frameworks.set(id, framework);
    this.touch();
    return framework;
  }

  setFrameworkConnected(id: string, connected: boolean): void {
    const f = this.frameworks.get(id);
    if (f) {
      f.connected = connected;
      f.active = connected;
      this.touch();
    }
  }

  /** A launched task: the master shows it TASK_STAGING with no status until the agent reports. */
  launchTask(task: Omit<MesosTask, "state" | "statuses">): MesosTask {
    const u = this.usageOf(task.slaveId);
    const full: MesosTask = { ...task, state: "TASK_STAGING", statuses: [] };
    u.cpus += task.resources.cpus;
    u.gpus += task.resources.gpus;
    u.mem += task.resources.mem;
    u.disk += task.resources.disk;
    for (const r of task.resources.ports) for (let p = r.begin; p <= r.end; p++) u.ports.add(p);
    u.tasks++;
    this.tasks.set(task.id, full);
    this.touch();
    return full;
  }

  /** Docker's bridge address on the task's node (each node has its own docker0, so IPs repeat across nodes). */
  nextBridgeIp(agentId: string): string {
    const agent = this.agents.get(agentId)!;
    const n = agent.nextBridgeHost++;
    return `172.17.${Math.floor(n / 254)}.${(n % 254) + (n % 254 === 0 ? 1 : 0)}`;
  }

  updateTask(taskId: string, update: Omit<TaskStatus, "timestamp"> & { state: MesosTaskState }): MesosTask | undefined {
    const task = this.tasks.get(taskId);
    if (!task) return undefined;
    task.state = update.state;
    task.statuses.push({ ...update, timestamp: this.nowSeconds() });
    if (TERMINAL_STATES.has(update.state)) {
      const u = this.usage.get(task.slaveId);
      if (u) {
        u.cpus -= task.resources.cpus;
        u.gpus -= task.resources.gpus;
        u.mem -= task.resources.mem;
        u.disk -= task.resources.disk;
        for (const r of task.resources.ports) for (let p = r.begin; p <= r.end; p++) u.ports.delete(p);
        u.tasks--;
      }
      this.tasks.delete(taskId);
      this.completedTasks.push(task);
      // Mesos keeps --max_completed_tasks_per_framework (1000) finished tasks.
      if (this.completedTasks.length > 1000) this.completedTasks.shift();
    }
    this.touch();
    return task;
  }
}

function portsRanges(ports: Set<number>) {
  const sorted = [...ports].sort((a, b) => a - b);
  const ranges: { begin: number; end: number }[] = [];
  for (const p of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last.end + 1 === p) last.end = p;
    else ranges.push({ begin: p, end: p });
  }
  return ranges;
}
