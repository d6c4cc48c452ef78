import type { MarathonApp, MarathonGroup } from "../marathon/marathonSchemas.ts";
import type { MesosState } from "../mesos/mesosSchemas.ts";
import { isDockerName, weaveFqdn } from "./checkLayout.ts";

// The containers of one Marathon group, joined from the poller's caches: Marathon's tasks (app,
// task id, host), Mesos' task statuses (the container id; Docker names the container
// `mesos-<id>`, audit §2.2) and Armdeck's own nodes (the host a task runs on → the node whose
// pinned SSH connection reaches it). What cannot be joined becomes a note, not a guess.

export interface GroupNode {
  id: string;
  name: string;
  /** Every name Mesos or Marathon may call this machine (address, hostname, IP), lower case. */
  aliases: string[];
}

export interface GroupContainer {
  app: string;
  task: string;
  nodeId: string;
  node: string;
  container: string;
  hostname: string | null;
}

export interface GroupContainers {
  containers: GroupContainer[];
  notes: string[];
}

export function findGroup(root: MarathonGroup, groupId: string): MarathonGroup | null {
  if (root.id === groupId) return root;
  for (const g of root.groups ?? []) {
    const found = findGroup(g, groupId);
    if (found) return found;
  }
  return null;
}

function appsOf(group: MarathonGroup): MarathonApp[] {
  return [...(group.apps ?? []), ...(group.groups ?? []).flatMap(appsOf)];
}

/** The Docker `hostname` parameter (the runbook's `ubuntu1.weave.local`), as written. */
export function hostnameParameter(app: MarathonApp): string | null {
  return app.container?.docker?.parameters?.find((p) => p.key === "hostname")?.value ?? null;
}

function containerIdOf(state: MesosState, taskId: string): { id: string | null; agentId: string | null } {
  for (const fw of state.frameworks) {
    const task = fw.tasks.find((t) => t.id === taskId);
    if (!task) continue;
    const withId = [...task.statuses].reverse().find((s) => s.container_status?.container_id?.value);
    return { id: withId?.container_status?.container_id?.value ?? null, agentId: task.slave_id ?? null };
  }
  return { id: null, agentId: null };
}

const show = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);

export function groupContainers(group: MarathonGroup, state: MesosState, nodes: readonly GroupNode[]): GroupContainers {
  const byAlias = new Map<string, GroupNode>();
  for (const n of nodes) for (const a of n.aliases) byAlias.set(a.toLowerCase(), n);
  const agentHost = new Map(state.slaves.map((s) => [s.id, s.hostname.toLowerCase()]));
  const containers: GroupContainer[] = [];
  const notes: string[] = [];

  for (const app of appsOf(group)) {
    const written = hostnameParameter(app);
    const hostname = written === null ? null : weaveFqdn(written);
    if (written === null) notes.push(`${show(app.id)} has no "hostname" parameter, so WeaveDNS has no name for it: its containers are pinged but no name is resolved`);
    else if (hostname === null) notes.push(`${show(app.id)}'s hostname ${show(written)} is not a name in the weave.local domain, so WeaveDNS does not register it: not resolved`);
    const tasks = (app.tasks ?? []).filter((t) => !t.state || t.state === "TASK_RUNNING");
    if (tasks.length === 0) notes.push(`${show(app.id)} has no running task`);
    for (const task of tasks) {
      const mesos = containerIdOf(state, task.id);
      const host = (task.host ?? (mesos.agentId ? agentHost.get(mesos.agentId) : undefined))?.toLowerCase();
      const node = host ? byAlias.get(host) : undefined;
      if (!node) {
        notes.push(`Task ${show(task.id)} runs on ${show(host ?? "an unknown host")}, which is not one of this cluster's nodes: Armdeck has no SSH connection to check it from`);
        continue;
      }
      const name = mesos.id ? `mesos-${mesos.id}` : null;
      if (!name || !isDockerName(name)) {
        notes.push(`Task ${show(task.id)} on ${node.name}: Mesos reports ${mesos.id ? `container id ${show(mesos.id)}, which is not a Docker container name` : "no container id (is it a Docker task?)"}; left out`);
        continue;
      }
      containers.push({ app: app.id, task: task.id, nodeId: node.id, node: node.name, container: name, hostname });
    }
  }
  return { containers, notes };
}
