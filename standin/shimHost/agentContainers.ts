// The Docker containerizer of a test host's mesos-agent stand-in: the agent's running DOCKER
// tasks, as its master lists them, become containers of the host's docker stand-in, run through
// `--docker_socket` (the weave proxy's socket on the runbook's agents, so they join Weave and
// WeaveDNS). Mesos names each one `mesos-<container id>` (src/slave/containerizer/docker.cpp:
// 124-135@1.4.0) with that id from the task's TASK_RUNNING status, and passes the app's docker
// `parameters` as `--key=value` flags; a task that is no longer running has its container
// stopped. Every value goes to docker as its own argv entry, never through a shell, as Mesos'
// subprocess does: a hostile app id or hostname stays data.

import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface AgentContainersOptions {
  /** host:port of the leading master, or undefined while there is none. */
  masterAddress(): Promise<string | undefined>;
  agentId(): string | undefined;
  /** The agent's --docker and --docker_socket. */
  docker: string;
  dockerSocket: string;
  log(message: string): void;
  intervalMs?: number;
}

interface MasterTask {
  id: string;
  slave_id: string;
  state: string;
  container?: { type: string; docker?: { image: string; network: string; parameters?: { key: string; value: string }[] } };
  statuses?: { state: string; container_status?: { container_id?: { value: string } } }[];
}

const NAME_PREFIX = "mesos-";

/** Marathon's task id `<app path with _ for />.<uuid>` back to the app id, for MARATHON_APP_ID. */
function appIdOf(taskId: string): string {
  return `/${taskId.replace(/\.[^.]*$/, "").split("_").join("/")}`;
}

function containerIdOf(task: MasterTask): string | undefined {
  for (const s of [...(task.statuses ?? [])].reverse()) {
    const id = s.container_status?.container_id?.value;
    if (id) return id;
  }
  return undefined;
}

export function dockerRunArgs(task: MasterTask, containerId: string, socket: string): string[] {
  const d = task.container!.docker!;
  const args = ["-H", `unix://${socket}`, "run", "-d", "--cpu-shares", "256", "-e", `MARATHON_APP_ID=${appIdOf(task.id)}`, "-e", `MESOS_TASK_ID=${task.id}`, "-e", "MESOS_SANDBOX=/mnt/mesos/sandbox", "-e", `MESOS_CONTAINER_NAME=${NAME_PREFIX}${containerId}`];
  args.push("--net", d.network === "BRIDGE" ? "bridge" : d.network === "HOST" ? "host" : d.network.toLowerCase());
  for (const p of d.parameters ?? []) args.push(`--${p.key}=${p.value}`);
  args.push("--name", `${NAME_PREFIX}${containerId}`, d.image);
  return args;
}

export function startAgentContainers(opts: AgentContainersOptions): { stop(): void } {
  let busy = false;
  const started = new Set<string>();
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const master = await opts.masterAddress();
      const agentId = opts.agentId();
      if (!master || !agentId) return;
      const res = await fetch(`http://${master}/master/tasks?limit=100000`, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) return;
      const { tasks } = (await res.json()) as { tasks: MasterTask[] };
      const mine = tasks.filter((t) => t.slave_id === agentId && t.state === "TASK_RUNNING" && t.container?.type === "DOCKER" && t.container.docker);
      const wanted = new Map<string, MasterTask>();
      for (const t of mine) {
        const cid = containerIdOf(t);
        if (cid) wanted.set(`${NAME_PREFIX}${cid}`, t);
      }
      const { stdout } = await run(opts.docker, ["-H", `unix://${opts.dockerSocket}`, "ps", "--no-trunc", "--format", "{{.Names}}"]);
      const running = new Set(stdout.split("\n").filter((n) => n.startsWith(NAME_PREFIX)));
      for (const [name, task] of wanted) {
        if (running.has(name) || started.has(name)) continue;
        started.add(name);
        await run(opts.docker, dockerRunArgs(task, name.slice(NAME_PREFIX.length), opts.dockerSocket)).catch((e: { stderr?: string }) => opts.log(`Failed to launch container ${name} for task ${task.id}: ${e.stderr ?? e}`));
      }
      for (const name of running) {
        if (wanted.has(name)) continue;
        await run(opts.docker, ["-H", `unix://${opts.dockerSocket}`, "stop", "-t", "0", name]).catch(() => undefined);
      }
    } catch {
      // the master is away or docker failed; the next tick tries again
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(tick, opts.intervalMs ?? 1000);
  void tick();
  return { stop: () => clearInterval(timer) };
}
