// The stand-in's control API (tests and the demo): faults and model changes a real cluster would
// produce by itself. Served on its own port under /__standin/ and also usable in-process.

import type { Clock } from "./clock";
import { ManualClock } from "./clock";
import { jsonReply, type Reply } from "./httpReply";
import type { MesosCluster } from "./mesos/cluster";
import { parseRanges } from "./mesos/resources";
import type { MarathonModel } from "./marathon/marathonModel";
import type { Endpoint, ServerFault } from "./server";

export interface ControlDeps {
  clock: Clock;
  mesos: MesosCluster;
  marathon: MarathonModel;
  mesosEndpoints: Endpoint[];
  marathonEndpoints: Endpoint[];
  marathonLeader: { get(): number | null; set(i: number | null): void };
}

export interface AgentSpec {
  hostname: string;
  cpus: number;
  mem: number;
  disk: number;
  ports?: string;
  gpus?: number;
  attributes?: Record<string, string | number>;
  ip?: string;
}

export class StandinControl {
  constructor(private readonly d: ControlDeps) {}

  addAgent(spec: AgentSpec) {
    return this.d.mesos.addAgent({
      hostname: spec.hostname,
      ip: spec.ip,
      resources: { cpus: spec.cpus, mem: spec.mem, disk: spec.disk, gpus: spec.gpus ?? 0, ports: parseRanges(spec.ports ?? "[31000-32000]") },
      attributes: spec.attributes,
    });
  }

  removeAgent(id: string): boolean {
    return this.d.mesos.removeAgent(id, (task) => this.d.marathon.scheduler.lostTask(task.id));
  }

  /** "refuse": connections refused; "hang": accepted, never answered; delayMs: slow replies. */
  async setMesosMaster(index: number, fault: Partial<ServerFault>): Promise<void> {
    const ep = this.d.mesosEndpoints[index];
    if (!ep) throw new Error(`no Mesos master ${index}`);
    if (fault.delayMs !== undefined) ep.fault.delayMs = fault.delayMs;
    if (fault.mode) await ep.setMode(fault.mode);
  }

  setMesosLeader(index: number | null): void {
    this.d.mesos.setLeader(index);
  }

  async setMarathon(index: number, fault: Partial<ServerFault>): Promise<void> {
    const ep = this.d.marathonEndpoints[index];
    if (!ep) throw new Error(`no Marathon instance ${index}`);
    if (fault.delayMs !== undefined) ep.fault.delayMs = fault.delayMs;
    if (fault.mode) await ep.setMode(fault.mode);
    // With every instance down the framework is disconnected from Mesos; its tasks keep running.
    const anyUp = this.d.marathonEndpoints.some((e) => e.fault.mode !== "refuse");
    this.d.mesos.setFrameworkConnected(this.d.marathon.frameworkIdValue, anyUp);
  }

  setMarathonLeader(index: number | null): void {
    this.d.marathonLeader.set(index);
  }

  advance(ms: number): void {
    if (!(this.d.clock instanceof ManualClock)) throw new Error("the stand-in runs on the real clock; start it with a ManualClock to advance time");
    this.d.clock.advance(ms);
  }

  failTask(taskId: string, message = "Command exited with status 1"): boolean {
    const i = [...this.d.marathon.scheduler.instances.values()].find((x) => x.taskId === taskId);
    if (!i) return false;
    this.d.marathon.scheduler.terminal(i, "TASK_FAILED", "Failed", message);
    return true;
  }

  setAppHealth(appId: string, healthy: boolean): void {
    const s = this.d.marathon.scheduler;
    if (healthy) s.unhealthyApps.delete(appId);
    else s.unhealthyApps.add(appId);
    for (const i of s.instancesOf(appId)) if (i.state === "TASK_RUNNING") s.healthResult(i);
  }

  /** What a client sent for an app, byte for byte as parsed JSON (unknown fields included). */
  received(appId: string): unknown {
    return this.d.marathon.findApp(appId)?.received;
  }

  summary() {
    return {
      mesos: this.d.mesosEndpoints.map((ep, i) => ({ url: ep.url, leader: this.d.mesos.leaderIndex === i, ...ep.fault })),
      marathon: this.d.marathonEndpoints.map((ep, i) => ({ url: ep.url, leader: this.d.marathonLeader.get() === i, ...ep.fault })),
      agents: this.d.mesos.agents.size,
      tasks: this.d.mesos.tasks.size,
      deployments: this.d.marathon.deployments.length,
      now: new Date(this.d.clock.now()).toISOString(),
    };
  }
}

/** HTTP form of the control API; async changes (re-listening) are acknowledged before they finish. */
export function serveControl(c: StandinControl, method: string, url: URL, rawBody: string): Reply {
  const body = rawBody.trim() ? JSON.parse(rawBody) : {};
  const path = url.pathname.replace(/\/+$/, "");
  const m = path.match(/^\/__standin(\/.*)?$/);
  if (!m) return jsonReply(404, { error: "control paths start with /__standin/" });
  const p = m[1] ?? "/";
  const index = (s: string | undefined) => Number(s);
  let r: RegExpMatchArray | null;
  if (p === "/" && method === "GET") return jsonReply(200, c.summary());
  if (p === "/agents" && method === "POST") return jsonReply(201, c.addAgent(body));
  if ((r = p.match(/^\/agents\/(.+)$/)) && method === "DELETE") return jsonReply(c.removeAgent(decodeURIComponent(r[1] ?? "")) ? 200 : 404, {});
  if (p === "/mesos/leader" && method === "POST") return (c.setMesosLeader(body.index ?? null), jsonReply(200, c.summary()));
  if ((r = p.match(/^\/mesos\/(\d+)$/)) && method === "POST") return void c.setMesosMaster(index(r[1]), body), jsonReply(202, {});
  if (p === "/marathon/leader" && method === "POST") return (c.setMarathonLeader(body.index ?? null), jsonReply(200, c.summary()));
  if ((r = p.match(/^\/marathon\/(\d+)$/)) && method === "POST") return void c.setMarathon(index(r[1]), body), jsonReply(202, {});
  if (p === "/clock/advance" && method === "POST") return (c.advance(Number(body.ms ?? 0)), jsonReply(200, c.summary()));
  if ((r = p.match(/^\/tasks\/(.+)\/fail$/)) && method === "POST") return jsonReply(c.failTask(decodeURIComponent(r[1] ?? ""), body.message) ? 200 : 404, {});
  if (p === "/apps/health" && method === "POST") return (c.setAppHealth(body.appId, body.healthy !== false), jsonReply(200, {}));
  if ((r = p.match(/^\/received(\/.+)$/)) && method === "GET") {
    const v = c.received(r[1] ?? "/");
    return v === undefined ? jsonReply(404, {}) : jsonReply(200, v);
  }
  return jsonReply(404, { error: `no control route ${method} ${p}` });
}
