// Typed client for a cluster's Marathon instances. Any instance answers: a standby proxies every
// path to the leader (X-Marathon-Via) and the leader's reply carries X-Marathon-Leader, so the
// client reports the leader from that header and prefers the leader for its next call. With no
// leader a standby waits ~2.5 s and answers 503 HTML "Could not determine the current leader"
// (audit §1.9): that becomes kind "no_leader". Requests are sequential, one at a time.

import type { z } from "zod";
import { authorityOf, upstreamLabel, UpstreamError } from "../http/upstreamError.ts";
import { upstreamFetch, type UpstreamResponse } from "../http/upstreamFetch.ts";
import { badStatus, bodyGist, parseJsonReply } from "../http/upstreamJson.ts";
import { marathonApiError } from "./marathonApiError.ts";
import { deploymentIdPath, marathonIdPath } from "./marathonIds.ts";
import {
  appsReplySchema,
  deploymentResultSchema,
  deploymentsReplySchema,
  dryRunReplySchema,
  leaderReplySchema,
  marathonGroupSchema,
  marathonInfoSchema,
  queueReplySchema,
  tasksReplySchema,
} from "./marathonSchemas.ts";

export interface MarathonClientOptions {
  /** Registered instance base URLs ("http://m1.example.com:8080"). */
  instances: string[];
  connectTimeoutMs?: number;
  /** Above the ~2.5 s a leaderless standby waits before its 503. */
  readTimeoutMs?: number;
  maxBytes?: number;
}

export interface MarathonReply<T> {
  data: T;
  /** Base URL of the instance the request was sent to. */
  answeredBy: string;
  /** The leader as the reply named it (X-Marathon-Leader), a base URL; null when not said. */
  leader: string | null;
  /** Set when a standby proxied the request to the leader ("1.1 host:port"). */
  via: string | null;
}

/** The embeds the group panels need; without group.groups nested groups are not returned at all (audit §1.10). */
export const GROUP_PANEL_EMBEDS = [
  "group.groups",
  "group.apps",
  "group.apps.counts",
  "group.apps.deployments",
  "group.apps.tasks",
  "group.apps.lastTaskFailure",
] as const;

type Force = { force?: boolean };

function baseOf(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}

function query(params: Record<string, string | boolean | undefined | readonly string[]>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) q.append(k, x);
    else q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

// Connection failures that mean the request never reached the instance: safe to try the next one
// even for a write. A timeout is not (the write may have been applied).
const NEVER_ARRIVED = new Set(["refused", "dns", "tls"]);

export class MarathonClient {
  private readonly instances: string[];
  private knownLeader: string | null = null;

  constructor(private readonly opts: MarathonClientOptions) {
    if (opts.instances.length === 0) throw new Error("a Marathon needs at least one instance URL");
    this.instances = opts.instances.map(baseOf);
  }

  /** The registered instance that led at the last reply (null: unknown or not registered). */
  get lastKnownLeader(): string | null {
    return this.knownLeader;
  }

  info() {
    return this.read("/v2/info", marathonInfoSchema);
  }

  /** GET /v2/leader → {leader: "host:port"}. */
  leader() {
    return this.read("/v2/leader", leaderReplySchema);
  }

  groups(embed: readonly string[] = GROUP_PANEL_EMBEDS) {
    return this.read(`/v2/groups${query({ embed })}`, marathonGroupSchema);
  }

  group(id: string, embed: readonly string[] = GROUP_PANEL_EMBEDS) {
    return this.read(`/v2/groups/${marathonIdPath(id)}${query({ embed })}`, marathonGroupSchema);
  }

  apps(embed: readonly string[] = ["apps.counts", "apps.lastTaskFailure"]) {
    return this.read(`/v2/apps${query({ embed })}`, appsReplySchema);
  }

  tasks(status?: "running" | "staging") {
    return this.read(`/v2/tasks${query({ status })}`, tasksReplySchema);
  }

  deployments() {
    return this.read("/v2/deployments", deploymentsReplySchema);
  }

  queue(opts: { lastUnusedOffers?: boolean } = {}) {
    return this.read(`/v2/queue${query({ embed: opts.lastUnusedOffers ? ["lastUnusedOffers"] : undefined })}`, queueReplySchema);
  }

  postGroup(body: unknown, opts: Force = {}) {
    return this.write("POST", `/v2/groups${query({ force: opts.force || undefined })}`, body, [201], deploymentResultSchema);
  }

  putGroup(id: string, body: unknown, opts: Force = {}) {
    return this.write("PUT", `/v2/groups/${marathonIdPath(id)}${query({ force: opts.force || undefined })}`, body, [200, 201], deploymentResultSchema);
  }

  /** PUT ?dryRun=true: the plan's steps, nothing deployed. */
  planGroup(id: string, body: unknown) {
    return this.write("PUT", `/v2/groups/${marathonIdPath(id)}?dryRun=true`, body, [200], dryRunReplySchema);
  }

  deleteGroup(id: string, opts: Force = {}) {
    return this.write("DELETE", `/v2/groups/${marathonIdPath(id)}${query({ force: opts.force || undefined })}`, undefined, [200], deploymentResultSchema);
  }

  scaleApp(id: string, instances: number, opts: Force = {}) {
    if (!Number.isInteger(instances) || instances < 0) throw new RangeError("instances must be a whole number >= 0");
    return this.write("PUT", `/v2/apps/${marathonIdPath(id)}${query({ force: opts.force || undefined })}`, { instances }, [200, 201], deploymentResultSchema);
  }

  restartApp(id: string, opts: Force = {}) {
    return this.write("POST", `/v2/apps/${marathonIdPath(id)}/restart${query({ force: opts.force || undefined })}`, undefined, [200], deploymentResultSchema);
  }

  /** `force` defaults to true in Marathon's code for this call (notes §3); sent explicitly either way. */
  deleteApp(id: string, opts: Force = {}) {
    return this.write("DELETE", `/v2/apps/${marathonIdPath(id)}${query({ force: String(opts.force ?? false) })}`, undefined, [200], deploymentResultSchema);
  }

  /** Without force: a rollback deployment ({version, deploymentId}); with force: stopped as is, 202 and no body. */
  async deleteDeployment(id: string, opts: Force = {}): Promise<MarathonReply<{ version: string; deploymentId: string } | null>> {
    const path = `/v2/deployments/${deploymentIdPath(id)}${query({ force: opts.force || undefined })}`;
    if (opts.force) {
      const r = await this.send("DELETE", path, undefined, false);
      if (r.res.status !== 202 && r.res.status !== 200) throw this.rejection(r.res);
      return { ...r.meta, data: null };
    }
    return this.write("DELETE", path, undefined, [200], deploymentResultSchema);
  }

  private candidates(): string[] {
    return [...new Set([...(this.knownLeader ? [this.knownLeader] : []), ...this.instances])];
  }

  private leaderFrom(res: UpstreamResponse): string | null {
    const h = res.headers["x-marathon-leader"];
    const value = Array.isArray(h) ? h[0] : h;
    if (!value) return null;
    try {
      return baseOf(value.includes("://") ? value : `http://${value}`);
    } catch {
      return null;
    }
  }

  /** One request to the first instance that takes it; reads move on after any failure, writes only
   * when the request cannot have arrived. The leader named by a reply is tried first next time,
   * but only if it is one of the registered instances. */
  private async send(method: string, path: string, body: unknown, isRead: boolean) {
    const attempts: UpstreamError[] = [];
    for (const instance of this.candidates()) {
      try {
        const res = await upstreamFetch({
          upstream: "marathon",
          url: new URL(path, instance).toString(),
          method,
          headers: body === undefined ? {} : { "Content-Type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
          connectTimeoutMs: this.opts.connectTimeoutMs,
          readTimeoutMs: this.opts.readTimeoutMs ?? 8_000,
          maxBytes: this.opts.maxBytes,
        });
        const failure = this.leaderProblem(res);
        if (failure) throw failure;
        const leader = this.leaderFrom(res);
        const registeredLeader = leader ? this.instances.find((i) => authorityOf(i) === authorityOf(leader)) : undefined;
        this.knownLeader = registeredLeader ?? null;
        const via = res.headers["x-marathon-via"];
        return { res, meta: { answeredBy: instance, leader, via: (Array.isArray(via) ? via[0] : via) ?? null } };
      } catch (e) {
        if (!(e instanceof UpstreamError)) throw e;
        attempts.push(e);
        if (!isRead && !NEVER_ARRIVED.has(e.kind)) break;
      }
    }
    this.knownLeader = null;
    const noLeader = attempts.find((a) => a.kind === "no_leader");
    const last = noLeader ?? attempts[attempts.length - 1]!;
    throw new UpstreamError({ upstream: "marathon", url: last.url, kind: last.kind, status: last.status, message: noLeader ? noLeader.message : attempts.map((a) => a.message).join("; "), attempts });
  }

  /** A standby's own HTML errors: no leader (503), or it could not reach the leader (502/504). */
  private leaderProblem(res: UpstreamResponse): UpstreamError | null {
    const html = String(res.headers["content-type"] ?? "").includes("text/html");
    if (!html) return null;
    if (res.status === 503 && /Could not determine the current leader/i.test(res.body)) {
      return new UpstreamError({ upstream: "marathon", url: res.url, kind: "no_leader", status: 503, message: "Marathon has no leader (503)" });
    }
    if (res.status === 502 || res.status === 504) {
      return new UpstreamError({
        upstream: "marathon",
        url: res.url,
        kind: res.status === 504 ? "timeout" : "refused",
        status: res.status,
        message: `${upstreamLabel("marathon", res.url)} could not reach its leader (${res.status} ${bodyGist(res.body).replace(/^.*Reason:\s*/, "")})`,
      });
    }
    return null;
  }

  private rejection(res: UpstreamResponse): UpstreamError {
    return marathonApiError(res) ?? badStatus("marathon", res);
  }

  private async read<S extends z.ZodType>(path: string, schema: S): Promise<MarathonReply<z.output<S>>> {
    const { res, meta } = await this.send("GET", path, undefined, true);
    if (res.status !== 200) throw this.rejection(res);
    return { ...meta, data: parseJsonReply("marathon", res, schema) };
  }

  private async write<S extends z.ZodType>(method: string, path: string, body: unknown, ok: number[], schema: S): Promise<MarathonReply<z.output<S>>> {
    const { res, meta } = await this.send(method, path, body, false);
    if (!ok.includes(res.status)) throw this.rejection(res);
    return { ...meta, data: parseJsonReply("marathon", res, schema) };
  }
}
