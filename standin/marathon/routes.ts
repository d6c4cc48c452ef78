// Marathon 1.5.1's REST routes over the model (notes.md §3). Each handler returns a Reply; the
// server adds leader/standby behaviour. Bodies and status codes follow GroupsResource,
// AppsResource, DeploymentsResource, QueueResource and MarathonExceptionMapper.

import { jsonReply, reply, type Reply } from "../httpReply";
import { appEmbedAll, appsEmbed, groupsEmbed } from "./embeds";
import { findGroup, allApps } from "./groupTree";
import type { MarathonModel } from "./marathonModel";
import { resolvePath } from "./pathId";
import { MarathonError } from "./types";
import { appDefinitionJson, appInfoJson, groupInfoJson, stepsJson, taskJson } from "./writers";

export interface MarathonRequest {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  clientIp: string;
}

export interface InstanceInfo {
  hostPort: string;
  leaderHostPort: () => string | null;
  elected: () => boolean;
  mesosMaster: string;
  zk: string;
  marathonVersion: string;
}

const NO_CACHE = { "Cache-Control": "no-cache, no-store, must-revalidate", Pragma: "no-cache", Expires: "0" };

function deployReply(status: number, r: { version: string; deploymentId: string }, extra: Record<string, string> = {}): Reply {
  return jsonReply(status, { version: r.version, deploymentId: r.deploymentId }, { "Marathon-Deployment-Id": r.deploymentId, ...extra });
}

function parseBody(req: MarathonRequest): unknown {
  if (!req.body.trim()) throw new MarathonError(400, { message: "Please specify data in JSON format", details: "No content to map due to end-of-input\n at [Source: ; line: 1, column: 0]" });
  try {
    return JSON.parse(req.body);
  } catch (e) {
    throw new MarathonError(400, { message: "Invalid JSON", details: (e as Error).message });
  }
}

const flag = (q: URLSearchParams, name: string, dflt: boolean) => (q.has(name) ? q.get(name) !== "false" : dflt);

export class MarathonRoutes {
  constructor(
    private readonly model: MarathonModel,
    private readonly info: InstanceInfo,
  ) {}

  handle(req: MarathonRequest): Reply {
    try {
      const r = this.route(req);
      return { ...r, headers: { ...NO_CACHE, ...r.headers } };
    } catch (e) {
      if (e instanceof MarathonError) return jsonReply(e.status, e.body, NO_CACHE);
      return jsonReply(500, { message: (e as Error).message }, NO_CACHE);
    }
  }

  private requireJson(req: MarathonRequest): void {
    const ct = String(req.headers["content-type"] ?? "");
    if (!ct.toLowerCase().startsWith("application/json")) throw new MarathonError(415, { message: "Unsupported Media Type" });
  }

  private route(req: MarathonRequest): Reply {
    const m = this.model;
    const q = req.url.searchParams;
    const path = req.url.pathname.replace(/\/+$/, "") || "/";
    const method = req.method;

    if (path === "/ping") {
      if (String(req.headers.accept ?? "").includes("application/json")) return reply(200, '"pong"', "application/json");
      return reply(200, "pong", "text/plain");
    }
    if (path === "/v2/info" && method === "GET") return jsonReply(200, this.infoJson());
    if (path === "/v2/leader") {
      const leader = this.info.leaderHostPort();
      if (!leader) return jsonReply(404, { message: "There is no leader" });
      if (method === "DELETE") return jsonReply(200, { message: "Leadership abdicated" });
      return jsonReply(200, { leader });
    }

    // /v2/groups[/{id}]
    const groupMatch = path.match(/^\/v2\/groups(\/.*)?$/);
    if (groupMatch) {
      const rawId = groupMatch[1];
      const force = flag(q, "force", false);
      if (method === "GET") {
        if (rawId && /\/versions$/.test(rawId)) {
          const g = findGroup(m.root, resolvePath(rawId.replace(/\/versions$/, "")));
          if (!g) throw new MarathonError(404, { message: `Group '${resolvePath(rawId.replace(/\/versions$/, ""))}' does not exist` });
          return jsonReply(200, [g.version]);
        }
        const id = rawId ? resolvePath(rawId) : "/";
        const g = findGroup(m.root, id);
        if (!g) throw new MarathonError(404, { message: `Group '${id}' does not exist` });
        return jsonReply(200, groupInfoJson(g, groupsEmbed(q), (a) => m.runtime(a)));
      }
      if (method === "POST") {
        const r = m.createGroup(rawId, parseBody(req) as Record<string, unknown>, force);
        return deployReply(201, r, { Location: `http://${this.info.hostPort}${r.id}` });
      }
      if (method === "PUT") {
        const r = m.updateGroup(rawId, parseBody(req) as Record<string, unknown>, { force, dryRun: flag(q, "dryRun", false) });
        return "steps" in r ? jsonReply(200, r) : deployReply(200, r);
      }
      if (method === "DELETE") return deployReply(200, m.deleteGroup(rawId, force));
    }

    if (path === "/v2/apps" && method === "GET") {
      const embed = appsEmbed(q);
      let apps = [...allApps(m.root).values()];
      const idFilter = q.get("id");
      const cmdFilter = q.get("cmd");
      if (idFilter) apps = apps.filter((a) => a.spec.id.includes(idFilter));
      if (cmdFilter) apps = apps.filter((a) => a.spec.cmd?.includes(cmdFilter));
      return jsonReply(200, { apps: apps.map((a) => appInfoJson(a, m.runtime(a.spec.id), embed)) });
    }
    if (path === "/v2/apps" && method === "POST") {
      this.requireJson(req);
      const { app, result } = m.createApp(parseBody(req), flag(q, "force", false), req.clientIp);
      const body = { ...appDefinitionJson(app), tasksStaged: 0, tasksRunning: 0, tasksHealthy: 0, tasksUnhealthy: 0, deployments: [{ id: result.deploymentId }], tasks: [] };
      return jsonReply(201, body, { Location: `http://${this.info.hostPort}/v2/apps${app.spec.id}`, "Marathon-Deployment-Id": result.deploymentId });
    }
    const appMatch = path.match(/^\/v2\/apps(\/.+?)(\/restart|\/tasks)?$/);
    if (appMatch) {
      const [, rawId, sub] = appMatch;
      const id = resolvePath(rawId ?? "/");
      if (sub === "/restart" && method === "POST") return deployReply(200, m.restartApp(id, flag(q, "force", false)));
      if (sub === "/tasks" && method === "GET") {
        if (!m.findApp(id)) throw new MarathonError(404, { message: `App '${id}' does not exist` });
        return jsonReply(200, { tasks: m.scheduler.instancesOf(id).map((i) => taskJson(i)) });
      }
      if (!sub && method === "GET") {
        const app = m.findApp(id);
        if (!app) throw new MarathonError(404, { message: `App '${id}' does not exist` });
        return jsonReply(200, { app: appInfoJson(app, m.runtime(id), appEmbedAll()) });
      }
      if (!sub && (method === "PUT" || method === "PATCH")) {
        this.requireJson(req);
        const partial = method === "PATCH" || flag(q, "partialUpdate", true);
        const { created, result } = m.updateApp(id, parseBody(req), { force: flag(q, "force", false), partial, mustExist: method === "PATCH", clientIp: req.clientIp, uri: req.url.pathname });
        return deployReply(created ? 201 : 200, result);
      }
      // DELETE /v2/apps/{id}: force defaults to true in the 1.5 code, unlike the RAML (notes §3).
      if (!sub && method === "DELETE") return deployReply(200, m.deleteApp(id, flag(q, "force", true)));
    }

    if (path === "/v2/tasks" && method === "GET") {
      const statuses = [...q.getAll("status"), ...q.getAll("status[]")].map((s) => `TASK_${s.toUpperCase()}`);
      const tasks = [...m.scheduler.instances.values()].filter((i) => !statuses.length || statuses.includes(i.state));
      return jsonReply(200, { tasks: tasks.map((i) => taskJson(i, true)) });
    }

    if (path === "/v2/deployments" && method === "GET") {
      // 1.5.1 lists a plan only once its DeploymentActor started a step (audit §1.2, MARATHON-8566).
      const list = m.deployments.filter((d) => d.currentStep > 0).map((d) => ({
        id: d.id,
        version: d.version,
        affectedApps: d.affectedApps,
        affectedPods: [],
        steps: stepsJson(d.steps),
        currentActions: d.steps[d.currentStep - 1]!.actions.map((a) => ({ action: a.action, app: a.app, readinessCheckResults: [] })),
        currentStep: d.currentStep,
        totalSteps: d.steps.length,
      }));
      return jsonReply(200, list);
    }
    const depMatch = path.match(/^\/v2\/deployments\/(.+)$/);
    if (depMatch && method === "DELETE") {
      const r = m.deleteDeployment(decodeURIComponent(depMatch[1] ?? ""), flag(q, "force", false));
      return r ? deployReply(200, r) : { status: 202, headers: {}, body: "" };
    }

    if (path === "/v2/queue" && method === "GET") {
      const embedOffers = q.getAll("embed").includes("lastUnusedOffers");
      return jsonReply(200, { queue: m.scheduler.queueItems(embedOffers, (app) => appDefinitionJson(app)) });
    }
    const delayMatch = path.match(/^\/v2\/queue(\/.+)\/delay$/);
    if (delayMatch && method === "DELETE") {
      const id = resolvePath(delayMatch[1] ?? "/");
      if (!m.scheduler.resetDelay(id) && !m.findApp(id)) throw new MarathonError(404, { message: `Application ${id} not found in tasks queue.` });
      return { status: 204, headers: {}, body: "" };
    }

    throw new MarathonError(404, { message: `URI not found: ${req.url.pathname}` });
  }

  private infoJson(): Record<string, unknown> {
    return {
      name: "marathon",
      version: this.info.marathonVersion,
      buildref: "5b9b6f2e2b2c1c4d1f9a2b7d0a1e4c9f3b6d8e21",
      elected: this.info.elected(),
      leader: this.info.leaderHostPort(),
      frameworkId: this.model.frameworkIdValue,
      marathon_config: {
        master: this.info.mesosMaster,
        failover_timeout: 604800,
        framework_name: "marathon",
        ha: true,
        checkpoint: true,
        local_port_min: 10000,
        local_port_max: 20000,
        executor: "//cmd",
        hostname: this.info.hostPort.split(":")[0],
        webui_url: null,
        mesos_role: null,
        task_launch_timeout: 300000,
        task_reservation_timeout: 20000,
        reconciliation_initial_delay: 15000,
        reconciliation_interval: 600000,
        mesos_user: "root",
        leader_proxy_connection_timeout_ms: 5000,
        leader_proxy_read_timeout_ms: 10000,
        features: [],
        mesos_leader_ui_url: this.info.mesosMaster.startsWith("http") ? `${this.info.mesosMaster}/` : null,
      },
      zookeeper_config: { zk: this.info.zk, zk_timeout: 10000, zk_connection_timeout: 10000, zk_session_timeout: 10000, zk_max_versions: 50 },
      http_config: { http_port: Number(this.info.hostPort.split(":")[1]), https_port: 8443 },
    };
  }
}
