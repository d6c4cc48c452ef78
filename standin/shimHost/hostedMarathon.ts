// Marathon's model inside a master process of its own (the test hosts' mesos-master shim). The
// stand-in's Marathon schedules synchronously against the Mesos model (offers, launches, status
// updates in one step), so it lives beside the master's model; each bin/marathon process is a
// thin front that links itself here (as the framework registers with Mesos) and forwards its
// :8080 requests. The model is made when the first Marathon links, so the framework "marathon"
// appears in Mesos only once a Marathon runs, and is disconnected while none is linked.

import type { IncomingMessage, ServerResponse } from "node:http";
import type { Clock } from "../clock";
import type { Reply } from "../httpReply";
import type { MesosCluster } from "../mesos/cluster";
import { MarathonModel } from "../marathon/marathonModel";
import { MarathonRoutes } from "../marathon/routes";
import { serveEvents } from "../marathon/sse";
import type { SeededRandom } from "../random";

export interface MarathonLink {
  /** The instance's `hostname:http_port`, as Marathon names itself in /v2/leader. */
  hostPort: string;
  /** Its --master and --zk, as /v2/info's marathon_config and zookeeper_config show them. */
  master: string;
  zk: string;
  version: string;
  /** The leader by its ZooKeeper latch (null while none is elected). */
  leader: string | null;
}

interface Instance {
  link: MarathonLink;
  routes: MarathonRoutes;
}

/** The path prefix a bin/marathon process forwards its requests under, on the master's port. */
export const MARATHON_FORWARD_PREFIX = "/__standin/marathon";
/** Which linked instance a forwarded request came in on. */
export const MARATHON_INSTANCE_HEADER = "x-standin-marathon-instance";

export class HostedMarathon {
  model?: MarathonModel;
  private readonly instances = new Map<string, Instance>();

  constructor(
    private readonly mesos: MesosCluster,
    private readonly clock: Clock,
    private readonly rng: SeededRandom,
  ) {}

  get frameworkId(): string | undefined {
    return this.model?.frameworkIdValue;
  }

  /** Links a Marathon process; call the returned function when its link breaks. */
  link(link: MarathonLink): { frameworkId: string; unlink: () => void } {
    const host = link.hostPort.replace(/:\d+$/, "");
    this.model ??= new MarathonModel(this.clock, this.mesos, this.rng, { frameworkHost: host, webuiUrl: `http://${link.hostPort}` });
    const existing = this.instances.get(link.hostPort);
    const instance: Instance = existing ?? {
      link,
      routes: new MarathonRoutes(this.model, {
        hostPort: link.hostPort,
        leaderHostPort: () => instance.link.leader,
        elected: () => instance.link.leader === instance.link.hostPort,
        mesosMaster: link.master,
        zk: link.zk,
        marathonVersion: link.version,
      }),
    };
    instance.link = link;
    this.instances.set(link.hostPort, instance);
    this.mesos.setFrameworkConnected(this.model.frameworkIdValue, true);
    return {
      frameworkId: this.model.frameworkIdValue,
      unlink: () => {
        if (this.instances.get(link.hostPort) !== instance || instance.link !== link) return;
        this.instances.delete(link.hostPort);
        // Its tasks keep running on the agents; Mesos shows the framework disconnected.
        if (this.instances.size === 0 && this.model) this.mesos.setFrameworkConnected(this.model.frameworkIdValue, false);
      },
    };
  }

  /** Serves a request a Marathon process forwarded; false when that instance is not linked. */
  async serve(req: IncomingMessage, res: ServerResponse, body: string): Promise<boolean> {
    const hostPort = String(req.headers[MARATHON_INSTANCE_HEADER] ?? "");
    const instance = this.instances.get(hostPort);
    if (!instance || !this.model) return false;
    const url = new URL((req.url ?? "/").slice(MARATHON_FORWARD_PREFIX.length) || "/", `http://${hostPort}`);
    if (url.pathname.replace(/\/+$/, "") === "/v2/events") {
      serveEvents(req, res, this.model.bus, this.clock);
      return true;
    }
    const forwardedFor = String(req.headers["x-forwarded-for"] ?? "").split(",")[0]?.trim();
    const r = instance.routes.handle({ method: req.method ?? "GET", url, headers: req.headers, body, clientIp: forwardedFor || (req.socket.remoteAddress ?? "127.0.0.1") });
    if (instance.link.leader === hostPort) r.headers["X-Marathon-Leader"] = `http://${hostPort}`;
    send(res, r);
    return true;
  }

  stop(): void {
    this.model?.scheduler.shutdown();
  }
}

function send(res: ServerResponse, r: Reply): void {
  res.writeHead(r.status, { ...r.headers, "Content-Length": Buffer.byteLength(r.body) });
  res.end(r.body);
}
