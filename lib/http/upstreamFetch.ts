// The one way Armdeck's server talks to Mesos and Marathon: a single request with a connect
// timeout, a read timeout, a cap on the reply size and no automatic redirects (the Mesos client
// decides which redirects it follows, so a reply can never steer the server to an arbitrary host).
// Every failure becomes an UpstreamError that says in words what happened.

import http from "node:http";
import https from "node:https";
import { seconds, upstreamLabel, UpstreamError, type UpstreamName } from "./upstreamError.ts";

export interface UpstreamRequest {
  upstream: UpstreamName;
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Until the TCP (and TLS) connection is up. */
  connectTimeoutMs?: number;
  /** From the connection being up until the last byte of the reply. */
  readTimeoutMs?: number;
  /** Replies larger than this are cut off and fail as too_large. */
  maxBytes?: number;
}

export interface UpstreamResponse {
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export const UPSTREAM_DEFAULTS = { connectTimeoutMs: 3_000, readTimeoutMs: 5_000, maxBytes: 64 * 1024 * 1024 };

const REFUSED = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);
const DNS = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NONAME"]);
const CLOSED = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function describeSocketError(req: UpstreamRequest, e: NodeJS.ErrnoException): UpstreamError {
  const label = upstreamLabel(req.upstream, req.url);
  const base = { upstream: req.upstream, url: req.url };
  const code = e.code ?? "";
  if (code === "ECONNREFUSED") return new UpstreamError({ ...base, kind: "refused", message: `${label} refused the connection` });
  if (REFUSED.has(code)) return new UpstreamError({ ...base, kind: "refused", message: `${label} cannot be reached (${code})` });
  if (DNS.has(code)) return new UpstreamError({ ...base, kind: "dns", message: `${label}: the name ${new URL(req.url).hostname} does not resolve` });
  if (CLOSED.has(code)) return new UpstreamError({ ...base, kind: "bad_reply", message: `${label} closed the connection before answering` });
  if (code.startsWith("ERR_TLS") || code.startsWith("ERR_SSL") || /certificate|SSL|TLS/i.test(e.message) || code.includes("CERT"))
    return new UpstreamError({ ...base, kind: "tls", message: `${label}: the TLS handshake failed (${e.message})` });
  return new UpstreamError({ ...base, kind: "bad_reply", message: `${label}: ${e.message}` });
}

export function upstreamFetch(req: UpstreamRequest): Promise<UpstreamResponse> {
  const connectTimeoutMs = req.connectTimeoutMs ?? UPSTREAM_DEFAULTS.connectTimeoutMs;
  const readTimeoutMs = req.readTimeoutMs ?? UPSTREAM_DEFAULTS.readTimeoutMs;
  const maxBytes = req.maxBytes ?? UPSTREAM_DEFAULTS.maxBytes;
  const label = upstreamLabel(req.upstream, req.url);
  const url = new URL(req.url);
  const transport = url.protocol === "https:" ? https : http;

  return new Promise<UpstreamResponse>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const fail = (e: UpstreamError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(e);
      request.destroy();
    };
    const arm = (ms: number, message: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => fail(new UpstreamError({ upstream: req.upstream, url: req.url, kind: "timeout", message })), ms);
    };

    const headers: Record<string, string> = { Accept: "application/json", ...req.headers };
    if (req.body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(req.body));
    // agent: false = a fresh connection per request, so the connect timeout always measures a real connect.
    const request = transport.request(url, { method: req.method ?? "GET", headers, agent: false });

    arm(connectTimeoutMs, `${label} did not accept a connection within ${seconds(connectTimeoutMs)}`);
    request.on("socket", (socket) => {
      socket.once(url.protocol === "https:" ? "secureConnect" : "connect", () => arm(readTimeoutMs, `${label} did not answer within ${seconds(readTimeoutMs)}`));
    });
    request.on("error", (e) => fail(describeSocketError(req, e as NodeJS.ErrnoException)));
    request.on("response", (res) => {
      const tooLarge = () =>
        fail(new UpstreamError({ upstream: req.upstream, url: req.url, kind: "too_large", status: res.statusCode, message: `${label} sent a reply larger than ${megabytes(maxBytes)}; it was cut off` }));
      if (Number(res.headers["content-length"] ?? 0) > maxBytes) return tooLarge();
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) return tooLarge();
        chunks.push(c);
      });
      res.on("error", (e) => fail(describeSocketError(req, e as NodeJS.ErrnoException)));
      res.on("aborted", () => fail(new UpstreamError({ upstream: req.upstream, url: req.url, kind: "bad_reply", message: `${label} closed the connection in the middle of its reply` })));
      res.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ url: req.url, status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") });
      });
    });
    request.end(req.body);
  });
}
