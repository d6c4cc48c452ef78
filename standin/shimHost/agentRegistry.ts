// The agents of a master that runs as a process of its own (the test hosts' mesos-master shim):
// each mesos-agent process registers itself over a link it keeps open, as libprocess keeps one
// socket per peer. Mesos' rules for an agent that goes away (src/master/master.cpp@1.4.0): when
// its link breaks (the process exited or was killed, Master::exited) the agent is deactivated at
// once; when it has not come back within agent_ping_timeout × max_agent_ping_timeouts
// (SlaveObserver's health pings, 15 s × 5 by default) it is removed and its tasks are lost. An
// agent that re-registers from the same address in time keeps its id and becomes active again.

import type { Clock, TimerHandle } from "../clock";
import type { MesosCluster } from "../mesos/cluster";
import { parseRanges } from "../mesos/resources";
import type { AttributeValue, MesosTask } from "../mesos/types";

export interface AgentRegistration {
  hostname: string;
  ip: string;
  port: number;
  version?: string;
  resources: { cpus: number; mem: number; disk: number; gpus?: number; ports?: string };
  attributes?: Record<string, AttributeValue>;
}

export interface AgentRegistryEvents {
  registered?(agentId: string, reg: AgentRegistration, again: boolean): void;
  disconnected?(agentId: string, reg: AgentRegistration): void;
  removed?(agentId: string, reg: AgentRegistration): void;
  /** A task of a removed agent, now TASK_LOST (Marathon replaces it). */
  taskLost?(task: MesosTask): void;
}

interface Entry {
  id: string;
  reg: AgentRegistration;
  links: number;
  removal?: TimerHandle;
}

export class AgentRegistry {
  private readonly byAddress = new Map<string, Entry>();

  constructor(
    private readonly mesos: MesosCluster,
    private readonly clock: Clock,
    /** agent_ping_timeout × max_agent_ping_timeouts, from the master's flags. */
    private readonly removeAfterMs: number,
    private readonly events: AgentRegistryEvents = {},
  ) {}

  /** Registers (or re-registers) the agent; call the returned function when its link breaks. */
  link(reg: AgentRegistration): { agentId: string; unlink: () => void } {
    const key = `${reg.ip}:${reg.port}`;
    let entry = this.byAddress.get(key);
    const again = entry !== undefined;
    if (entry) {
      entry.removal?.cancel();
      entry.removal = undefined;
      entry.reg = reg;
      if (reg.version) this.mesos.setAgentVersion(entry.id, reg.version);
      this.mesos.setAgentActive(entry.id, true);
    } else {
      const agent = this.mesos.addAgent({
        hostname: reg.hostname,
        ip: reg.ip,
        port: reg.port,
        version: reg.version,
        attributes: reg.attributes ?? {},
        resources: {
          cpus: reg.resources.cpus,
          mem: reg.resources.mem,
          disk: reg.resources.disk,
          gpus: reg.resources.gpus ?? 0,
          ports: parseRanges(reg.resources.ports ?? "[31000-32000]"),
        },
      });
      entry = { id: agent.id, reg, links: 0 };
      this.byAddress.set(key, entry);
    }
    entry.links++;
    this.events.registered?.(entry.id, reg, again);
    const current = entry;
    let open = true;
    return {
      agentId: entry.id,
      unlink: () => {
        if (!open) return;
        open = false;
        if (--current.links > 0) return;
        this.mesos.setAgentActive(current.id, false);
        this.events.disconnected?.(current.id, current.reg);
        current.removal = this.clock.setTimeout(() => this.remove(key, current), this.removeAfterMs);
      },
    };
  }

  private remove(key: string, entry: Entry): void {
    if (this.byAddress.get(key) !== entry || entry.links > 0) return;
    this.byAddress.delete(key);
    this.mesos.removeAgent(entry.id, (task) => this.events.taskLost?.(task));
    this.events.removed?.(entry.id, entry.reg);
  }

  stop(): void {
    for (const e of this.byAddress.values()) e.removal?.cancel();
  }
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, ms: 1, secs: 1000, mins: 60_000, hrs: 3_600_000, days: 86_400_000, weeks: 604_800_000 };

/** stout's Duration text ("15secs", "1.5mins", "100ms") in milliseconds; undefined when not one. */
export function parseMesosDuration(text: string | undefined): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ns|us|ms|secs|mins|hrs|days|weeks)\s*$/.exec(text ?? "");
  if (!m) return undefined;
  return Number(m[1]) * DURATION_UNITS[m[2]!]!;
}
