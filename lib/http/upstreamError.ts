// Why a call to Mesos or Marathon failed, in words an operator can act on. The panels and the
// poller show `message` as it is; `kind` picks the HTTP status Armdeck answers with (502/503/504).

export type UpstreamName = "mesos" | "marathon";

export type UpstreamErrorKind = "refused" | "timeout" | "dns" | "tls" | "too_large" | "bad_status" | "bad_reply" | "no_leader";

export class UpstreamError extends Error {
  readonly upstream: UpstreamName;
  readonly url: string;
  readonly kind: UpstreamErrorKind;
  readonly status?: number;
  /** When several endpoints were tried (masters in order), what each one did. */
  readonly attempts?: UpstreamError[];

  constructor(init: { upstream: UpstreamName; url: string; kind: UpstreamErrorKind; message: string; status?: number; attempts?: UpstreamError[] }) {
    super(init.message);
    this.name = "UpstreamError";
    this.upstream = init.upstream;
    this.url = init.url;
    this.kind = init.kind;
    this.status = init.status;
    this.attempts = init.attempts;
  }

  toJSON() {
    return { upstream: this.upstream, url: this.url, kind: this.kind, status: this.status, message: this.message };
  }
}

/** "Mesos master m1.example.com:5050" / "Marathon m1.example.com:8080", the name used in every message. */
export function upstreamLabel(upstream: UpstreamName, url: string): string {
  const u = new URL(url);
  const port = u.port || (u.protocol === "https:" ? "443" : "80");
  return `${upstream === "mesos" ? "Mesos master" : "Marathon"} ${u.hostname}:${port}`;
}

/** host:port with the default port filled in, lower-cased: how endpoints are compared. */
export function authorityOf(url: string): string {
  const u = new URL(url);
  return `${u.hostname.toLowerCase()}:${u.port || (u.protocol === "https:" ? "443" : "80")}`;
}

export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
