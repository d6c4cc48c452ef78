// v0 JSON of the master's endpoints, written from the model with the field names and types of
// src/master/http.cpp / src/common/http.cpp @1.4.0 (see state-fields.md). Values are MesosJson
// so the serializer, not these functions, decides number and string formatting.

import { dbl, type MesosJson } from "./mesosJson";
import { formatRanges, resourcesJson, emptyResources } from "./resources";
import type { MesosCluster } from "./cluster";
import type { Agent, Framework, MasterInfo, MesosTask } from "./types";

export interface WriterContext {
  cluster: MesosCluster;
  master: MasterInfo;
  /** "1.11" adds the fields the 1.11 writers add (state-fields.md §7). */
  dialect: "1.4" | "1.11";
}

const AGENT_CAPABILITIES = ["MULTI_ROLE", "HIERARCHICAL_ROLE", "RESERVATION_REFINEMENT"];

function attributesJson(attrs: Agent["attributes"]): MesosJson {
  const out: Record<string, MesosJson> = {};
  for (const [k, v] of Object.entries(attrs)) out[k] = typeof v === "number" ? dbl(v) : v;
  return out;
}

export function agentJson(ctx: WriterContext, agent: Agent): MesosJson {
  const used = ctx.cluster.usedResources(agent.id);
  const json: Record<string, MesosJson> = {
    id: agent.id,
    hostname: agent.hostname,
    port: agent.port,
    attributes: attributesJson(agent.attributes),
    pid: `slave(1)@${agent.ip}:${agent.port}`,
    registered_time: dbl(agent.registeredTime),
    resources: resourcesJson(agent.resources),
    used_resources: resourcesJson(used),
    // The stand-in's Marathon takes offers within the same step it receives them, so nothing
    // sits offered between polls.
    offered_resources: resourcesJson(emptyResources()),
    reserved_resources: {},
    unreserved_resources: resourcesJson(agent.resources),
    active: agent.active,
    version: agent.version,
    capabilities: AGENT_CAPABILITIES,
  };
  if (ctx.dialect === "1.11") json.deactivated = !agent.active;
  return json;
}

function statusJson(task: MesosTask, s: MesosTask["statuses"][number]): MesosJson {
  const json: Record<string, MesosJson> = { state: s.state, timestamp: dbl(s.timestamp) };
  if (s.ipAddress && s.dockerBridgeLabel) json.labels = [{ key: "Docker.NetworkSettings.IPAddress", value: s.ipAddress }];
  if (s.containerId) {
    const cs: Record<string, MesosJson> = { container_id: { value: s.containerId } };
    if (s.ipAddress) cs.network_infos = [{ ip_addresses: [{ protocol: "IPv4", ip_address: s.ipAddress }] }];
    json.container_status = cs;
  }
  if (s.healthy !== undefined) json.healthy = s.healthy;
  void task;
  return json;
}

export function taskJson(task: MesosTask): MesosJson {
  const json: Record<string, MesosJson> = {
    id: task.id,
    name: task.name,
    framework_id: task.frameworkId,
    executor_id: "",
    slave_id: task.slaveId,
    state: task.state,
    resources: resourcesJson(task.resources),
    role: task.role,
    statuses: task.statuses.map((s) => statusJson(task, s)),
  };
  if (task.labels?.length) json.labels = task.labels;
  if (task.discovery) {
    json.discovery = {
      visibility: "FRAMEWORK",
      name: task.discovery.name,
      ports: { ports: task.discovery.ports.map((p) => ({ number: p.number, ...(p.name ? { name: p.name } : {}), protocol: p.protocol })) },
    };
  }
  if (task.docker) {
    const d = task.docker;
    json.container = {
      type: "DOCKER",
      docker: {
        image: d.image,
        network: d.network,
        ...(d.portMappings.length ? { port_mappings: d.portMappings } : {}),
        privileged: d.privileged,
        ...(d.parameters.length ? { parameters: d.parameters } : {}),
        force_pull_image: d.forcePullImage,
      },
    };
  }
  return json;
}

function frameworkSummary(ctx: WriterContext, f: Framework): Record<string, MesosJson> {
  const used = emptyResources();
  const ports: number[] = [];
  for (const t of ctx.cluster.tasks.values()) {
    if (t.frameworkId !== f.id) continue;
    used.cpus += t.resources.cpus;
    used.mem += t.resources.mem;
    used.disk += t.resources.disk;
    used.gpus += t.resources.gpus;
    for (const r of t.resources.ports) for (let p = r.begin; p <= r.end; p++) ports.push(p);
  }
  const usedJson = resourcesJson({ ...used, cpus: Math.round(used.cpus * 1000) / 1000, ports: [] }) as Record<string, MesosJson>;
  if (ports.length) usedJson.ports = formatRanges(ports.sort((a, b) => a - b).map((p) => ({ begin: p, end: p })));
  return {
    id: f.id,
    name: f.name,
    pid: f.pid,
    used_resources: usedJson,
    offered_resources: resourcesJson(emptyResources()),
    capabilities: f.capabilities,
    hostname: f.hostname,
    webui_url: f.webuiUrl,
    active: f.active,
    connected: f.connected,
    recovered: false,
  };
}

export function frameworkJson(ctx: WriterContext, f: Framework): MesosJson {
  const summary = frameworkSummary(ctx, f);
  const tasks: MesosJson[] = [];
  for (const t of ctx.cluster.tasks.values()) if (t.frameworkId === f.id) tasks.push(taskJson(t));
  return {
    ...summary,
    user: f.user,
    failover_timeout: dbl(f.failoverTimeout),
    checkpoint: f.checkpoint,
    registered_time: dbl(f.registeredTime),
    unregistered_time: dbl(0),
    resources: summary.used_resources,
    role: f.role,
    tasks,
    unreachable_tasks: [],
    completed_tasks: ctx.cluster.completedTasks.filter((t) => t.frameworkId === f.id).map(taskJson),
    offers: [],
    executors: [],
  };
}

export function stateJson(ctx: WriterContext): MesosJson {
  const { cluster, master } = ctx;
  const leader = cluster.leader();
  const agents = [...cluster.agents.values()];
  const json: Record<string, MesosJson | undefined> = {
    version: cluster.version,
    build_date: "2017-09-01 17:53:06",
    build_time: dbl(1504288386),
    build_user: "root",
    start_time: dbl(master.startTime),
    elected_time: master.electedTime !== undefined && leader === master ? dbl(master.electedTime) : undefined,
    id: master.id,
    pid: `master@${master.ip}:${master.port}`,
    hostname: master.hostname,
    activated_slaves: dbl(agents.filter((a) => a.active).length),
    deactivated_slaves: dbl(agents.filter((a) => !a.active).length),
    unreachable_slaves: dbl(0),
    leader: leader ? `master@${leader.ip}:${leader.port}` : undefined,
    leader_info: leader ? { id: leader.id, pid: `master@${leader.ip}:${leader.port}`, port: leader.port, hostname: leader.hostname } : undefined,
    // A master process started without --log_dir has none (the field is then left out).
    log_dir: cluster.flags ? cluster.flags.log_dir : "/var/log/mesos",
    flags: masterFlags(ctx),
    slaves: agents.map((a) => agentJson(ctx, a)),
    recovered_slaves: [],
    frameworks: [...cluster.frameworks.values()].map((f) => frameworkJson(ctx, f)),
    completed_frameworks: [],
    orphan_tasks: [],
    unregistered_frameworks: [],
  };
  if (ctx.dialect === "1.11") json.capabilities = ["AGENT_UPDATE", "AGENT_DRAINING", "QUOTA_V2"];
  return json as MesosJson;
}

function masterFlags(ctx: WriterContext): MesosJson {
  const { master, cluster } = ctx;
  if (cluster.flags) return { ...cluster.flags };
  return {
    allocation_interval: "1secs",
    authenticate_agents: "false",
    authenticate_frameworks: "false",
    hostname: master.hostname,
    ip: master.ip,
    log_dir: "/var/log/mesos",
    port: String(master.port),
    quorum: String(Math.floor(cluster.masters.length / 2) + 1),
    registry: "replicated_log",
    work_dir: "/var/lib/mesos",
    zk: "zk://127.0.0.1:2181/mesos",
    zk_session_timeout: "10secs",
  };
}

export function slavesJson(ctx: WriterContext, slaveId?: string): MesosJson {
  const agents = [...ctx.cluster.agents.values()].filter((a) => !slaveId || a.id === slaveId);
  return { slaves: agents.map((a) => agentJson(ctx, a)), recovered_slaves: [] };
}

export function frameworksJson(ctx: WriterContext, frameworkId?: string): MesosJson {
  const fws = [...ctx.cluster.frameworks.values()].filter((f) => !frameworkId || f.id === frameworkId);
  return { frameworks: fws.map((f) => frameworkJson(ctx, f)), completed_frameworks: [], unregistered_frameworks: [] };
}

const SUMMARY_STATES = ["TASK_STAGING", "TASK_STARTING", "TASK_RUNNING", "TASK_KILLING", "TASK_FINISHED", "TASK_KILLED", "TASK_FAILED", "TASK_LOST", "TASK_ERROR", "TASK_UNREACHABLE"] as const;

function stateCounts(tasks: Iterable<MesosTask>): Record<string, MesosJson> {
  const counts: Record<string, number> = Object.fromEntries(SUMMARY_STATES.map((s) => [s, 0]));
  for (const t of tasks) if (t.state in counts) counts[t.state] = (counts[t.state] ?? 0) + 1;
  return counts;
}

export function stateSummaryJson(ctx: WriterContext): MesosJson {
  const { cluster, master } = ctx;
  const all = [...cluster.tasks.values(), ...cluster.completedTasks];
  const bySlave = new Map<string, MesosTask[]>();
  const byFramework = new Map<string, MesosTask[]>();
  for (const t of all) {
    (bySlave.get(t.slaveId) ?? bySlave.set(t.slaveId, []).get(t.slaveId)!).push(t);
    (byFramework.get(t.frameworkId) ?? byFramework.set(t.frameworkId, []).get(t.frameworkId)!).push(t);
  }
  return {
    hostname: master.hostname,
    cluster: undefined,
    slaves: [...cluster.agents.values()].map((a) => {
      const agent = agentJson(ctx, a) as Record<string, MesosJson>;
      const { pid: _pid, ...rest } = agent;
      void _pid;
      return {
        ...rest,
        ...stateCounts(bySlave.get(a.id) ?? []),
        framework_ids: [...new Set((bySlave.get(a.id) ?? []).map((t) => t.frameworkId))],
      };
    }),
    frameworks: [...cluster.frameworks.values()].map((f) => ({
      ...frameworkSummary(ctx, f),
      ...stateCounts(byFramework.get(f.id) ?? []),
      slave_ids: [...new Set((byFramework.get(f.id) ?? []).map((t) => t.slaveId))],
    })),
  };
}

export function tasksJson(ctx: WriterContext, q: URLSearchParams): MesosJson {
  const limit = Math.max(0, Number(q.get("limit") ?? 100) || 0);
  const offset = Math.max(0, Number(q.get("offset") ?? 0) || 0);
  const order = q.get("order") === "asc" ? "asc" : "desc";
  const frameworkId = q.get("framework_id");
  const taskId = q.get("task_id");
  let tasks = [...ctx.cluster.tasks.values(), ...ctx.cluster.completedTasks];
  if (frameworkId) tasks = tasks.filter((t) => t.frameworkId === frameworkId);
  if (taskId) tasks = tasks.filter((t) => t.id === taskId);
  // Mesos sorts by the latest status timestamp (TaskComparator); tasks with no status count as 0.
  const ts = (t: MesosTask) => t.statuses[t.statuses.length - 1]?.timestamp ?? 0;
  tasks.sort((a, b) => (order === "asc" ? ts(a) - ts(b) : ts(b) - ts(a)));
  return { tasks: tasks.slice(offset, offset + limit).map(taskJson) };
}

export function metricsJson(ctx: WriterContext): MesosJson {
  const { cluster, master } = ctx;
  const elected = cluster.leader() === master;
  const agents = [...cluster.agents.values()];
  const total = { cpus: 0, mem: 0, disk: 0, gpus: 0 };
  const used = { cpus: 0, mem: 0, disk: 0, gpus: 0 };
  for (const a of agents) {
    const u = cluster.usedResources(a.id);
    for (const k of ["cpus", "mem", "disk", "gpus"] as const) {
      total[k] += a.resources[k];
      used[k] += u[k];
    }
  }
  const counts: Record<string, number> = {};
  for (const t of cluster.tasks.values()) counts[t.state] = (counts[t.state] ?? 0) + 1;
  for (const t of cluster.completedTasks) counts[t.state] = (counts[t.state] ?? 0) + 1;
  const m: Record<string, MesosJson> = {};
  for (const k of ["cpus", "mem", "disk", "gpus"] as const) {
    // _percent is a fraction 0..1 (audit §2.4), and only the leader has the allocator's numbers.
    m[`master/${k}_total`] = dbl(elected ? total[k] : 0);
    m[`master/${k}_used`] = dbl(elected ? Math.round(used[k] * 1000) / 1000 : 0);
    m[`master/${k}_percent`] = dbl(elected && total[k] ? used[k] / total[k] : 0);
    m[`master/${k}_revocable_total`] = dbl(0);
    m[`master/${k}_revocable_used`] = dbl(0);
    m[`master/${k}_revocable_percent`] = dbl(0);
  }
  const n = (x: number) => dbl(elected ? x : 0);
  Object.assign(m, {
    "master/elected": dbl(elected ? 1 : 0),
    "master/uptime_secs": dbl(cluster.nowSeconds() - master.startTime),
    "master/slaves_active": n(agents.filter((a) => a.active).length),
    "master/slaves_inactive": n(agents.filter((a) => !a.active).length),
    "master/slaves_connected": n(agents.length),
    "master/slaves_disconnected": dbl(0),
    "master/slaves_unreachable": dbl(0),
    "master/frameworks_active": n([...cluster.frameworks.values()].filter((f) => f.active).length),
    "master/frameworks_inactive": n([...cluster.frameworks.values()].filter((f) => !f.active).length),
    "master/frameworks_connected": n([...cluster.frameworks.values()].filter((f) => f.connected).length),
    "master/frameworks_disconnected": n([...cluster.frameworks.values()].filter((f) => !f.connected).length),
    "master/outstanding_offers": dbl(0),
    "master/dropped_messages": dbl(0),
    "master/event_queue_messages": dbl(0),
    "master/event_queue_dispatches": dbl(0),
    "master/event_queue_http_requests": dbl(0),
    "master/slave_registrations": n(agents.length),
    "master/slave_reregistrations": dbl(0),
    "master/slave_removals": dbl(0),
  });
  for (const s of ["staging", "starting", "running", "killing", "unreachable", "finished", "failed", "killed", "lost", "error", "dropped", "gone", "gone_by_operator"]) {
    m[`master/tasks_${s}`] = n(counts[`TASK_${s.toUpperCase()}`] ?? 0);
  }
  m["system/cpus_total"] = dbl(2);
  m["system/mem_total_bytes"] = dbl(8 * 1024 ** 3);
  return m;
}

export function versionJson(ctx: WriterContext): MesosJson {
  return { build_date: "2017-09-01 17:53:06", build_time: dbl(1504288386), build_user: "root", version: ctx.cluster.version };
}
