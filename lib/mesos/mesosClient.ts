// Typed client for a Mesos cluster's masters (v0 HTTP endpoints). Leader-only endpoints are asked
// of the last known leader first, then of every registered master in order; a non-leader's 307 is
// followed once, and only to a host the LeaderAllowList accepts. Requests are sequential: the
// client never has two in flight (the poller relies on that to keep the load on a master flat).

import { authorityOf, upstreamLabel, UpstreamError } from "../http/upstreamError.ts";
import { upstreamFetch, type UpstreamRequest, type UpstreamResponse } from "../http/upstreamFetch.ts";
import { badStatus, parseJsonReply } from "../http/upstreamJson.ts";
import { LeaderAllowList, leadersNamedIn, resolveRedirect } from "./mesosLeader.ts";
import {
  mesosFrameworksSchema,
  mesosMetricsSchema,
  mesosSlavesSchema,
  mesosStateSchema,
  mesosStateSummarySchema,
  mesosTasksSchema,
  mesosVersionSchema,
  type MesosState,
} from "./mesosSchemas.ts";
import type { z } from "zod";

export interface MesosClientOptions {
  /** Registered master base URLs ("http://m1.example.com:5050"), in the order to try them. */
  masters: string[];
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
  maxBytes?: number;
}

export interface MesosReply<T> {
  data: T;
  /** Base URL of the master whose reply this is. */
  answeredBy: string;
  /** Base URL of the leading master as far as this call learned it (null: unknown). */
  leader: string | null;
  /** The non-leading master whose 307 led to the answering one, when a redirect was followed. */
  redirectedFrom: string | null;
}

export interface MasterHealth {
  master: string;
  healthy: boolean;
  error?: UpstreamError;
}

const NO_LEADER = /No leader elected/i;

function baseOf(url: URL | string): string {
  const u = new URL(url.toString());
  return `${u.protocol}//${u.host}`;
}

export class MesosClient {
  private readonly masters: string[];
  private readonly allow: LeaderAllowList;
  private knownLeader: string | null = null;

  constructor(private readonly opts: MesosClientOptions) {
    if (opts.masters.length === 0) throw new Error("a Mesos cluster needs at least one master URL");
    this.masters = opts.masters.map((m) => baseOf(m));
    this.allow = new LeaderAllowList(this.masters);
  }

  /** The leading master's base URL, as last seen (a 200 from a leader-only endpoint or a followed 307). */
  get lastKnownLeader(): string | null {
    return this.knownLeader;
  }

  state(): Promise<MesosReply<MesosState>> {
    return this.fromLeader("/master/state", mesosStateSchema).then((r) => {
      this.allow.learnFrom(r.data);
      const named = leadersNamedIn(r.data)[0];
      const leader = named ? this.urlForAuthority(named, r.answeredBy) : r.leader;
      return { ...r, leader };
    });
  }

  stateSummary() {
    return this.fromLeader("/master/state-summary", mesosStateSummarySchema);
  }

  slaves() {
    return this.fromLeader("/master/slaves", mesosSlavesSchema);
  }

  frameworks() {
    return this.fromLeader("/master/frameworks", mesosFrameworksSchema);
  }

  tasks(page: { offset?: number; limit?: number } = {}) {
    const q = new URLSearchParams();
    if (page.limit !== undefined) q.set("limit", String(Math.max(0, Math.trunc(page.limit))));
    if (page.offset !== undefined) q.set("offset", String(Math.max(0, Math.trunc(page.offset))));
    const qs = q.toString();
    return this.fromLeader(`/master/tasks${qs ? `?${qs}` : ""}`, mesosTasksSchema);
  }

  /** /version is answered by every master itself (no redirect): the leader's when known. */
  version(master?: string) {
    return this.fromAny("/version", mesosVersionSchema, master);
  }

  /** /metrics/snapshot is local to each master; `master/elected` is 1.0 only on the leader. */
  metrics(master?: string) {
    return this.fromAny("/metrics/snapshot", mesosMetricsSchema, master);
  }

  /** /master/health of every registered master, one after the other. It says 200 on every running
   * master, leader or not (mesos/README.md), so it answers "is the process up", not "does it lead". */
  async health(): Promise<MasterHealth[]> {
    const out: MasterHealth[] = [];
    for (const master of this.masters) {
      try {
        const res = await this.get(new URL("/master/health", master).toString());
        out.push(res.status === 200 ? { master, healthy: true } : { master, healthy: false, error: badStatus("mesos", res) });
      } catch (e) {
        out.push({ master, healthy: false, error: e as UpstreamError });
      }
    }
    return out;
  }

  private request(url: string): UpstreamRequest {
    return { upstream: "mesos", url, connectTimeoutMs: this.opts.connectTimeoutMs, readTimeoutMs: this.opts.readTimeoutMs, maxBytes: this.opts.maxBytes };
  }

  private get(url: string): Promise<UpstreamResponse> {
    return upstreamFetch(this.request(url));
  }

  private urlForAuthority(authority: string, like: string): string {
    const registered = this.masters.find((m) => authorityOf(m) === authority);
    return registered ?? `${new URL(like).protocol}//${authority}`;
  }

  private candidates(): string[] {
    return [...new Set([...(this.knownLeader ? [this.knownLeader] : []), ...this.masters])];
  }

  private async fromLeader<S extends z.ZodType>(path: string, schema: S): Promise<MesosReply<z.output<S>>> {
    const attempts: UpstreamError[] = [];
    for (const master of this.candidates()) {
      try {
        return await this.askLeaderVia(master, path, schema);
      } catch (e) {
        if (!(e instanceof UpstreamError)) throw e;
        attempts.push(e);
      }
    }
    this.knownLeader = null;
    throw summarize(attempts);
  }

  /** Ask one master; a 307 from it is followed once, to an allowed host only. */
  private async askLeaderVia<S extends z.ZodType>(master: string, path: string, schema: S): Promise<MesosReply<z.output<S>>> {
    const first = await this.get(new URL(path, master).toString());
    let res = first;
    if (first.status === 307) {
      const location = first.headers.location ?? "";
      const target = resolveRedirect(location, first.url);
      if (!target || !this.allow.allows(target)) {
        throw new UpstreamError({
          upstream: "mesos",
          url: first.url,
          kind: "bad_status",
          status: 307,
          message: `${upstreamLabel("mesos", master)} redirected to ${location || "nowhere"}, which is not one of this cluster's masters; not followed`,
        });
      }
      res = await this.get(target.toString());
      if (res.status === 307) {
        throw new UpstreamError({ upstream: "mesos", url: res.url, kind: "bad_status", status: 307, message: `${upstreamLabel("mesos", res.url)} redirected again; Mesos has no settled leader` });
      }
    }
    if (res.status === 503 && NO_LEADER.test(res.body)) {
      throw new UpstreamError({ upstream: "mesos", url: res.url, kind: "no_leader", status: 503, message: `Mesos has no leader elected (503 from ${upstreamLabel("mesos", res.url)})` });
    }
    if (res.status !== 200) throw badStatus("mesos", res);
    const data = parseJsonReply("mesos", res, schema);
    const answeredBy = baseOf(res.url);
    this.knownLeader = answeredBy;
    return { data, answeredBy, leader: answeredBy, redirectedFrom: res === first ? null : master };
  }

  private async fromAny<S extends z.ZodType>(path: string, schema: S, master?: string): Promise<MesosReply<z.output<S>>> {
    if (master !== undefined && !this.allow.allows(master)) throw new Error(`${master} is not one of this cluster's masters`);
    const order = master !== undefined ? [baseOf(master)] : this.candidates();
    const attempts: UpstreamError[] = [];
    for (const m of order) {
      try {
        const res = await this.get(new URL(path, m).toString());
        if (res.status !== 200) throw badStatus("mesos", res);
        return { data: parseJsonReply("mesos", res, schema), answeredBy: m, leader: this.knownLeader, redirectedFrom: null };
      } catch (e) {
        if (!(e instanceof UpstreamError)) throw e;
        attempts.push(e);
      }
    }
    throw summarize(attempts);
  }
}

/** One error for "every master failed": no_leader wins (it is the cluster's state, not one host's),
 * otherwise the last master's kind; the message lists what each master did. */
function summarize(attempts: UpstreamError[]): UpstreamError {
  const noLeader = attempts.find((a) => a.kind === "no_leader");
  const main = noLeader ?? attempts[attempts.length - 1]!;
  const message = noLeader ? noLeader.message : attempts.map((a) => a.message).join("; ");
  return new UpstreamError({ upstream: "mesos", url: main.url, kind: main.kind, status: main.status, message, attempts });
}
