import type { MesosState, MesosTask } from "../mesos/mesosSchemas.ts";
import type { Amounts } from "./resourcesView.ts";
import type { TasksQuery } from "./tasksQuery.ts";
import { isoFromSeconds } from "./units.ts";

// GET /api/v1/clusters/{id}/tasks: every task Mesos knows (running and recently completed), one
// page at a time, so a 10,000-task cluster never reaches the browser whole.

export interface TaskView {
  id: string;
  name: string | null;
  state: string;
  frameworkId: string | null;
  frameworkName: string | null;
  agentId: string | null;
  agentHostname: string | null;
  /**
   * What Mesos reports in container_status.network_infos: for Docker BRIDGE tasks that is the
   * node's Docker bridge address (172.17.x, the same on every node), not the Weave overlay IP,
   * which only Weave knows (audit §2.2).
   */
  containerIp: string | null;
  /** The Docker container on the node is `mesos-<containerId>`: how a task is joined with Weave. */
  containerId: string | null;
  startedAt: string | null;
  resources: Amounts;
}

export interface TasksPage {
  total: number;
  offset: number;
  limit: number;
  /** Counts per state over all tasks (before filtering), for the filter's choices. */
  states: Record<string, number>;
  tasks: TaskView[];
}

function latestStatus(t: MesosTask) {
  // Statuses are appended in order; the newest carries the container's current network.
  return t.statuses.length ? t.statuses[t.statuses.length - 1] : undefined;
}

function containerIpOf(t: MesosTask): string | null {
  for (let i = t.statuses.length - 1; i >= 0; i--) {
    for (const ni of t.statuses[i]!.container_status?.network_infos ?? []) {
      const ip = ni.ip_addresses?.find((a) => a.ip_address)?.ip_address;
      if (ip) return ip;
    }
  }
  return null;
}

function containerIdOf(t: MesosTask): string | null {
  for (let i = t.statuses.length - 1; i >= 0; i--) {
    const id = t.statuses[i]!.container_status?.container_id?.value;
    if (id) return id;
  }
  return null;
}

function startedAtOf(t: MesosTask): string | null {
  const running = t.statuses.find((s) => s.state === "TASK_RUNNING");
  return isoFromSeconds(running?.timestamp ?? latestStatus(t)?.timestamp);
}

export function allTasks(state: MesosState): TaskView[] {
  const hostnames = new Map(state.slaves.map((a) => [a.id, a.hostname]));
  const out: TaskView[] = [];
  for (const fw of [...state.frameworks, ...state.completed_frameworks]) {
    for (const t of [...fw.tasks, ...fw.unreachable_tasks, ...fw.completed_tasks]) {
      out.push({
        id: t.id,
        name: t.name ?? null,
        state: t.state,
        frameworkId: t.framework_id ?? fw.id,
        frameworkName: fw.name || null,
        agentId: t.slave_id ?? null,
        agentHostname: t.slave_id ? (hostnames.get(t.slave_id) ?? null) : null,
        containerIp: containerIpOf(t),
        containerId: containerIdOf(t),
        startedAt: startedAtOf(t),
        resources: { cpus: t.resources.cpus, memMb: t.resources.mem, diskMb: t.resources.disk },
      });
    }
  }
  // Stable across polls (Mesos' own order follows hash maps): by id, then framework.
  out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : (a.frameworkId ?? "").localeCompare(b.frameworkId ?? "")));
  return out;
}

export function tasksView(state: MesosState, q: TasksQuery): TasksPage {
  const all = allTasks(state);
  const states: Record<string, number> = {};
  for (const t of all) states[t.state] = (states[t.state] ?? 0) + 1;
  const agent = q.agent?.toLowerCase();
  const matching = all.filter(
    (t) => (!q.state || t.state === q.state) && (!agent || t.agentId?.toLowerCase() === agent || t.agentHostname?.toLowerCase() === agent),
  );
  return { total: matching.length, offset: q.offset, limit: q.limit, states, tasks: matching.slice(q.offset, q.offset + q.limit) };
}
