// HTTP servers in front of the shared models: N Mesos master processes (one leads) and M Marathon
// instances (one leads), plus a control server for tests and the demo (its own port, every path
// under /__standin/, so it can never be mistaken for a real endpoint).

import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { ManualClock, RealClock, type Clock } from "./clock";
import { StandinControl, serveControl } from "./control";
import { generateAgents, generateApps } from "./generator";
import type { Reply } from "./httpReply";
import { MesosCluster } from "./mesos/cluster";
import { MesosMasterRoutes } from "./mesos/routes";
import { MarathonModel } from "./marathon/marathonModel";
import { MarathonRoutes } from "./marathon/routes";
import { serveEvents } from "./marathon/sse";
import type { SchedulerTiming } from "./marathon/scheduler";
import { SeededRandom } from "./random";

export interface StandinOptions {
  host?: string;
  /** Ports of the Mesos masters (0 = any); its length is the number of masters. */
  mesosPorts?: number[];
  marathonPorts?: number[];
  controlPort?: number;
  seed?: number;
  /** Pass a ManualClock to drive time from a test. */
  clock?: Clock;
  mesosVersion?: "1.4.0" | "1.11.0";
  timing?: Partial<SchedulerTiming>;
  maxInstancesPerOffer?: number;
  /** Generated cluster: agents with mixed architectures and running apps. */
  agents?: number;
  apps?: number;
  tasks?: number;
  /** How long a Marathon without a known leader waits before its 503 (LeaderProxyFilter: ~2.5 s). */
  noLeaderWaitMs?: number;
}

export interface ServerFault {
  mode: "up" | "refuse" | "hang";
  delayMs: number;
}

export interface Standin {
  mesosUrls: string[];
  marathonUrls: string[];
  controlUrl: string;
  control: StandinControl;
  clock: Clock;
  mesos: MesosCluster;
  marathon: MarathonModel;
  stop(): Promise<void>;
}

/** A listening server that can be made to refuse connections (closed) and come back on its port. */
export class Endpoint {
  readonly fault: ServerFault = { mode: "up", delayMs: 0 };
  private server: http.Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly host: string,
    private readonly handler: http.RequestListener,
  ) {
    this.server = this.create();
  }

  private create(): http.Server {
    const server = http.createServer((req, res) => {
      if (this.fault.mode === "hang") return; // accept, never answer: the client's read timeout fires
      if (this.fault.delayMs > 0) setTimeout(() => this.handler(req, res), this.fault.delayMs);
      else this.handler(req, res);
    });
    server.on("connection", (s) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    return server;
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, this.host, () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://${this.host}:${this.port}`;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** "refuse" closes the listener so connects get ECONNREFUSED; "up" re-listens on the same port. */
  async setMode(mode: ServerFault["mode"]): Promise<void> {
    const wasListening = this.server.listening;
    this.fault.mode = mode;
    if (mode === "refuse" && wasListening) await this.close();
    if (mode !== "refuse" && !wasListening) {
      this.server = this.create();
      await this.listen(this.port);
    }
  }
}

function send(res: http.ServerResponse, r: Reply): void {
  res.writeHead(r.status, { ...r.headers, "Content-Length": Buffer.byteLength(r.body) });
  res.end(r.body);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const HTML = "text/html;charset=ISO-8859-1";
const htmlError = (status: number, message: string, path: string): Reply => ({
  status,
  headers: { "Content-Type": HTML },
  body: `<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>\n<title>Error ${status} </title>\n</head>\n<body>\n<h2>HTTP ERROR: ${status}</h2>\n<p>Problem accessing ${path}. Reason:\n<pre>    ${message}</pre></p>\n</body>\n</html>\n`,
});

export async function startStandin(opts: StandinOptions = {}): Promise<Standin> {
  const host = opts.host ?? "127.0.0.1";
  const clock = opts.clock ?? new RealClock();
  const rng = new SeededRandom(opts.seed ?? 1);
  const mesosPorts = opts.mesosPorts ?? [0];
  const marathonPorts = opts.marathonPorts ?? [0];

  // Listen first: the masters' hostnames and ports go into the model (leader_info, redirects).
  let mesosRoutes: MesosMasterRoutes[] = [];
  const mesosEndpoints = mesosPorts.map(
    (_, i) => new Endpoint(host, (req, res) => send(res, mesosRoutes[i]!.handle(req.method ?? "GET", req.url ?? "/"))),
  );
  for (const [i, ep] of mesosEndpoints.entries()) await ep.listen(mesosPorts[i] ?? 0);
  const mesos = new MesosCluster(clock, {
    clusterId: rng.uuid4(),
    masters: mesosEndpoints.map((ep) => ({ hostname: host, ip: host, port: ep.port })),
    version: opts.mesosVersion ?? "1.4.0",
  });
  mesosRoutes = mesosEndpoints.map((_, i) => new MesosMasterRoutes(mesos, i));

  let marathonLeader: number | null = 0;
  let marathonRoutes: MarathonRoutes[] = [];
  let model!: MarathonModel;
  const marathonEndpoints: Endpoint[] = [];
  const hostPort = (i: number) => `${host}:${marathonEndpoints[i]!.port}`;

  const serveMarathon = async (i: number, req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", `http://${hostPort(i)}`);
    if (marathonLeader === null) {
      // LeaderProxyFilter waits for a leader (10 × 250 ms), then answers 503 HTML (audit §1.9).
      await new Promise((r) => setTimeout(r, opts.noLeaderWaitMs ?? 2500));
      if (marathonLeader === null) return send(res, htmlError(503, "Could not determine the current leader", url.pathname));
    }
    if (marathonLeader !== i) return proxyToLeader(i, req, res);
    if (url.pathname.replace(/\/+$/, "") === "/v2/events") return serveEvents(req, res, model.bus, clock);
    const body = await readBody(req);
    const r = marathonRoutes[i]!.handle({ method: req.method ?? "GET", url, headers: req.headers, body, clientIp: req.socket.remoteAddress ?? "127.0.0.1" });
    r.headers["X-Marathon-Leader"] = `http://${hostPort(i)}`;
    send(res, r);
  };

  // A standby proxies every path to the leader, adding X-Marathon-Via (LeaderProxyFilter.scala:96-135,276-291@v1.5.1).
  const proxyToLeader = (i: number, req: http.IncomingMessage, res: http.ServerResponse) => {
    const leader = marathonEndpoints[marathonLeader!]!;
    const upstream = http.request(
      { host, port: leader.port, method: req.method, path: req.url, headers: { ...req.headers, host: `${host}:${leader.port}` } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { ...up.headers, "X-Marathon-Via": `1.1 ${hostPort(i)}` });
        up.pipe(res);
      },
    );
    upstream.setTimeout(10_000, () => upstream.destroy(new Error("timeout")));
    upstream.on("error", (e) => {
      if (res.headersSent) return res.destroy();
      const refused = (e as NodeJS.ErrnoException).code === "ECONNREFUSED";
      send(res, htmlError(refused ? 502 : 504, refused ? "Connection to leader refused." : "Connection to leader timed out.", req.url ?? "/"));
    });
    req.pipe(upstream);
  };

  for (const [i, port] of marathonPorts.entries()) {
    const ep = new Endpoint(host, (req, res) => {
      serveMarathon(i, req, res).catch((e) => send(res, { status: 500, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ message: String(e) }) }));
    });
    marathonEndpoints.push(ep);
    await ep.listen(port);
  }

  model = new MarathonModel(clock, mesos, rng, {
    timing: opts.timing,
    maxInstancesPerOffer: opts.maxInstancesPerOffer,
    frameworkHost: host,
    webuiUrl: `http://${hostPort(0)}`,
  });
  const mesosUrls = mesosEndpoints.map((ep) => ep.url);
  marathonRoutes = marathonEndpoints.map(
    (_, i) =>
      new MarathonRoutes(model, {
        hostPort: hostPort(i),
        leaderHostPort: () => (marathonLeader === null ? null : hostPort(marathonLeader)),
        elected: () => marathonLeader === i,
        mesosMaster: mesosUrls[0] ?? "",
        zk: "zk://127.0.0.1:2181/marathon",
        marathonVersion: "1.5.1",
      }),
  );

  if (opts.agents) generateAgents(mesos, rng, opts.agents);
  if (opts.apps) generateApps(model, rng, { agents: opts.agents ?? 0, apps: opts.apps, tasks: opts.tasks });

  const control = new StandinControl({
    clock,
    mesos,
    marathon: model,
    mesosEndpoints,
    marathonEndpoints,
    marathonLeader: {
      get: () => marathonLeader,
      set: (i) => {
        marathonLeader = i;
      },
    },
  });
  const controlEndpoint = new Endpoint(host, (req, res) => {
    readBody(req)
      .then((body) => send(res, serveControl(control, req.method ?? "GET", new URL(req.url ?? "/", "http://control"), body)))
      .catch((e) => send(res, { status: 500, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ error: String(e) }) }));
  });
  await controlEndpoint.listen(opts.controlPort ?? 0);

  return {
    mesosUrls,
    marathonUrls: marathonEndpoints.map((ep) => ep.url),
    controlUrl: `${controlEndpoint.url}/__standin`,
    control,
    clock,
    mesos,
    marathon: model,
    async stop() {
      model.scheduler.shutdown();
      await Promise.all([...mesosEndpoints, ...marathonEndpoints, controlEndpoint].map((ep) => ep.close().catch(() => undefined)));
    },
  };
}

export { ManualClock };
