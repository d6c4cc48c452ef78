import type { MarathonApp, MarathonGroup, MarathonQueueItem, MarathonTask } from "../marathon/marathonSchemas.ts";

// GET /api/v1/clusters/{id}/groups: Marathon's group tree, groups → apps → tasks. Counts are
// Marathon's own (embed=group.apps.counts) when the reply has them, else computed from the tasks
// the same way Marathon counts them.

export interface TaskFailure {
  taskId: string | null;
  state: string | null;
  message: string | null;
  host: string | null;
  timestamp: string | null;
  version: string | null;
}

export interface AppTaskView {
  id: string;
  host: string | null;
  agentId: string | null;
  state: string | null;
  startedAt: string | null;
  ports: number[];
  /** Marathon's ipAddresses: the Docker bridge IP for BRIDGE apps (audit §2.2). */
  ipAddresses: string[];
  /** null = the app has no health checks, or none reported yet. */
  healthy: boolean | null;
}

/** As marathon-ui names them (AppsStore.processApp): deploying wins, then delayed, waiting, suspended. */
export type AppStatus = "running" | "deploying" | "waiting" | "delayed" | "suspended";

export interface AppView {
  id: string;
  instances: number;
  cpus: number;
  memMb: number;
  diskMb: number;
  running: number;
  staged: number;
  healthy: number;
  unhealthy: number;
  status: AppStatus;
  deployments: string[];
  lastTaskFailure: TaskFailure | null;
  tasks: AppTaskView[];
}

export interface GroupView {
  id: string;
  apps: AppView[];
  groups: GroupView[];
}

function taskHealth(t: MarathonTask): boolean | null {
  const results = t.healthCheckResults ?? [];
  if (results.length === 0) return null;
  return results.every((r) => r.alive === true);
}

function isRunning(t: MarathonTask): boolean {
  // Tasks in the 1.4 examples carry no state: started ⇒ running.
  return t.state ? t.state === "TASK_RUNNING" : Boolean(t.startedAt);
}

function counts(app: MarathonApp, tasks: MarathonTask[]) {
  const computed = {
    running: tasks.filter(isRunning).length,
    staged: tasks.filter((t) => (t.state ? t.state === "TASK_STAGING" || t.state === "TASK_STARTING" : !t.startedAt)).length,
    healthy: tasks.filter((t) => taskHealth(t) === true).length,
    unhealthy: tasks.filter((t) => taskHealth(t) === false).length,
  };
  return {
    running: app.tasksRunning ?? computed.running,
    staged: app.tasksStaged ?? computed.staged,
    healthy: app.tasksHealthy ?? computed.healthy,
    unhealthy: app.tasksUnhealthy ?? computed.unhealthy,
  };
}

function statusOf(app: MarathonApp, running: number, queued?: MarathonQueueItem): AppStatus {
  if ((app.deployments ?? []).length > 0) return "deploying";
  if (queued?.delay && queued.delay.overdue === false) return "delayed";
  if (app.instances === 0 && running === 0) return "suspended";
  if (queued || running < app.instances) return "waiting";
  return "running";
}

function failureOf(app: MarathonApp): TaskFailure | null {
  const f = app.lastTaskFailure;
  if (!f) return null;
  return { taskId: f.taskId ?? null, state: f.state ?? null, message: f.message ?? null, host: f.host ?? null, timestamp: f.timestamp ?? null, version: f.version ?? null };
}

function appView(app: MarathonApp, queue: Map<string, MarathonQueueItem>): AppView {
  const tasks = app.tasks ?? [];
  const c = counts(app, tasks);
  return {
    id: app.id,
    instances: app.instances,
    cpus: app.cpus,
    memMb: app.mem,
    diskMb: app.disk,
    ...c,
    status: statusOf(app, c.running, queue.get(app.id)),
    deployments: (app.deployments ?? []).map((d) => d.id),
    lastTaskFailure: failureOf(app),
    tasks: tasks
      .map((t) => ({
        id: t.id,
        host: t.host ?? null,
        agentId: t.slaveId ?? null,
        state: t.state ?? (t.startedAt ? "TASK_RUNNING" : "TASK_STAGING"),
        startedAt: t.startedAt ?? null,
        ports: t.ports ?? [],
        ipAddresses: (t.ipAddresses ?? []).map((a) => a.ipAddress),
        healthy: taskHealth(t),
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}

export function groupsView(root: MarathonGroup, queueItems: MarathonQueueItem[] = []): GroupView {
  const queue = new Map(queueItems.filter((q) => q.app).map((q) => [q.app!.id, q]));
  const walk = (g: MarathonGroup): GroupView => ({
    id: g.id,
    apps: (g.apps ?? []).map((a) => appView(a, queue)).sort((a, b) => a.id.localeCompare(b.id)),
    groups: (g.groups ?? []).map(walk).sort((a, b) => a.id.localeCompare(b.id)),
  });
  return walk(root);
}
