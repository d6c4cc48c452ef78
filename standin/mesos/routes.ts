// HTTP routes of one Mesos master process (src/master/master.cpp:909-1022@1.4.0). A master that
// is not elected redirects its state endpoints to the leader with a scheme-less Location, or
// answers 503 "No leader elected" (src/master/http.cpp:2249-2301@1.4.0, mesos/README.md).

import { reply, type Reply } from "../httpReply";
import type { MesosCluster } from "./cluster";
import { writeMesosJson, type MesosDialect, type MesosJson } from "./mesosJson";
import { frameworksJson, metricsJson, slavesJson, stateJson, stateSummaryJson, tasksJson, versionJson, type WriterContext } from "./writers";

const LEADER_ONLY: Record<string, (ctx: WriterContext, q: URLSearchParams) => MesosJson> = {
  "/state": (ctx) => stateJson(ctx),
  "/state.json": (ctx) => stateJson(ctx),
  "/state-summary": (ctx) => stateSummaryJson(ctx),
  "/slaves": (ctx, q) => slavesJson(ctx, q.get("slave_id") ?? undefined),
  "/frameworks": (ctx, q) => frameworksJson(ctx, q.get("framework_id") ?? undefined),
  "/tasks": (ctx, q) => tasksJson(ctx, q),
};

export class MesosMasterRoutes {
  private cache = new Map<string, { revision: number; body: string }>();

  constructor(
    private readonly cluster: MesosCluster,
    private readonly masterIndex: number,
    private readonly dialect: MesosDialect = cluster.version.startsWith("1.4") ? "1.4" : "1.11",
  ) {}

  private ctx(): WriterContext {
    return { cluster: this.cluster, master: this.cluster.masters[this.masterIndex]!, dialect: this.dialect };
  }

  private json(value: MesosJson, q: URLSearchParams): Reply {
    const body = writeMesosJson(value, this.dialect);
    const jsonp = q.get("jsonp");
    if (jsonp) return reply(200, `${jsonp}(${body});`, "text/javascript");
    return reply(200, body, "application/json");
  }

  /** The whole cluster is serialized for /master/state; cache it until the model changes. */
  private cached(key: string, make: () => MesosJson): string {
    const hit = this.cache.get(key);
    if (hit && hit.revision === this.cluster.revision) return hit.body;
    const body = writeMesosJson(make(), this.dialect);
    this.cache.set(key, { revision: this.cluster.revision, body });
    return body;
  }

  private redirect(pathAndQuery: string): Reply {
    const leader = this.cluster.leader();
    if (!leader) return reply(503, "No leader elected", "text/plain; charset=utf-8");
    return { status: 307, headers: { Location: `//${leader.hostname}:${leader.port}${pathAndQuery}` }, body: "" };
  }

  handle(method: string, rawUrl: string): Reply {
    const url = new URL(rawUrl, "http://mesos");
    const q = url.searchParams;
    let path = url.pathname.replace(/\/+$/, "") || "/";
    if (path === "/health" || path === "/master/health") return { status: 200, headers: {}, body: "" };
    if (path === "/version") return this.json(versionJson(this.ctx()), q);
    if (path === "/metrics/snapshot") return this.json(metricsJson(this.ctx()), q);
    if (path === "/redirect" || path === "/master/redirect") {
      // Even the leader redirects, to the base URL (no path) to avoid a loop.
      return this.redirect("");
    }
    if (path.startsWith("/master/redirect/") || path.startsWith("/redirect/")) return reply(404, "", "text/plain");
    if (path.startsWith("/master/")) path = path.slice("/master".length);
    const writer = LEADER_ONLY[path];
    if (!writer) return reply(404, "", "text/plain");
    if (method !== "GET" && method !== "HEAD") return reply(405, `Expecting 'GET', received '${method}'`, "text/plain; charset=utf-8");
    if (this.cluster.leader() !== this.cluster.masters[this.masterIndex]) return this.redirect(url.pathname + url.search);
    if (path === "/state" || path === "/state.json") {
      const body = this.cached("state", () => writer(this.ctx(), q));
      const jsonp = q.get("jsonp");
      return jsonp ? reply(200, `${jsonp}(${body});`, "text/javascript") : reply(200, body, "application/json");
    }
    return this.json(writer(this.ctx(), q), q);
  }
}
