// The stand-in's models behind one mesos-master process (the test hosts' shim, which keeps its
// own flags, logs, ZooKeeper contest and listener and hands every request here once elected).
// Agents and Marathon processes link themselves to it over HTTP requests that stay open (the
// stand-in's wire protocol; the real one is protobuf over libprocess): a link's JSON reply line
// carries the id Mesos gave, and the link breaking is the peer going away.

import type { IncomingMessage, ServerResponse } from "node:http";
import { RealClock, type Clock } from "../clock";
import type { Reply } from "../httpReply";
import { MesosCluster } from "../mesos/cluster";
import { MesosMasterRoutes } from "../mesos/routes";
import { SeededRandom } from "../random";
import { AgentRegistry, parseMesosDuration, type AgentRegistration, type AgentRegistryEvents } from "./agentRegistry";
import { HostedMarathon, MARATHON_FORWARD_PREFIX, type MarathonLink } from "./hostedMarathon";

export const AGENT_LINK_PATH = "/master/mesos.internal.RegisterSlaveMessage";
export const FRAMEWORK_LINK_PATH = "/master/mesos.internal.RegisterFrameworkMessage";

export interface MasterProcessOptions {
  /** The master's id (a UUID); agents are `<id>-S<n>`, frameworks `<id>-<nnnn>`. */
  id: string;
  hostname: string;
  ip: string;
  port: number;
  version: string;
  /** The process's flags, as /master/state prints them (agent_ping_timeout etc. are read from them). */
  flags: Record<string, string>;
  clock?: Clock;
  events?: AgentRegistryEvents & { frameworkLinked?(link: MarathonLink, frameworkId: string): void };
}

export interface MasterProcess {
  mesos: MesosCluster;
  marathon: HostedMarathon;
  /** Serves one request on the master's port. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  stop(): void;
}

export function startMasterProcess(opts: MasterProcessOptions): MasterProcess {
  const clock = opts.clock ?? new RealClock();
  const mesos = new MesosCluster(clock, {
    clusterId: opts.id,
    masters: [{ hostname: opts.hostname, ip: opts.ip, port: opts.port }],
    version: opts.version,
    flags: opts.flags,
  });
  const routes = new MesosMasterRoutes(mesos, 0);
  const marathon = new HostedMarathon(mesos, clock, new SeededRandom(Math.floor(Math.random() * 2 ** 31)));
  const pingMs = parseMesosDuration(opts.flags.agent_ping_timeout) ?? 15_000;
  const maxPings = Number(opts.flags.max_agent_ping_timeouts ?? 5) || 5;
  const agents = new AgentRegistry(mesos, clock, pingMs * maxPings, {
    ...opts.events,
    taskLost: (task) => {
      marathon.model?.scheduler.lostTask(task.id);
      opts.events?.taskLost?.(task);
    },
  });
  const pid = `master@${opts.ip}:${opts.port}`;

  /** Answers the link's one line, then holds it open until the peer goes. */
  const holdLink = (req: IncomingMessage, res: ServerResponse, line: unknown, unlink: () => void) => {
    res.writeHead(200, { "Content-Type": "application/x-ndjson" });
    res.write(`${JSON.stringify(line)}\n`);
    res.on("close", unlink);
    req.socket.setKeepAlive(true, 1000);
  };

  return {
    mesos,
    marathon,
    async handle(req, res) {
      const path = new URL(req.url ?? "/", "http://master").pathname;
      if (req.method === "POST" && path === AGENT_LINK_PATH) {
        const reg = JSON.parse((await readBody(req)) || "{}") as AgentRegistration;
        const { agentId, unlink } = agents.link(reg);
        return holdLink(req, res, { slave_id: agentId, master: pid }, unlink);
      }
      if (req.method === "POST" && path === FRAMEWORK_LINK_PATH) {
        const link = JSON.parse((await readBody(req)) || "{}") as MarathonLink;
        const { frameworkId, unlink } = marathon.link(link);
        opts.events?.frameworkLinked?.(link, frameworkId);
        return holdLink(req, res, { framework_id: frameworkId, master: pid }, unlink);
      }
      if (path === MARATHON_FORWARD_PREFIX || path.startsWith(`${MARATHON_FORWARD_PREFIX}/`)) {
        const served = await marathon.serve(req, res, await readBody(req));
        if (!served) send(res, { status: 503, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ message: "this Marathon instance is not linked to the master" }) });
        return;
      }
      send(res, routes.handle(req.method ?? "GET", req.url ?? "/"));
    },
    stop() {
      agents.stop();
      marathon.stop();
    },
  };
}

function send(res: ServerResponse, r: Reply): void {
  res.writeHead(r.status, { ...r.headers, "Content-Length": Buffer.byteLength(r.body) });
  res.end(r.body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
