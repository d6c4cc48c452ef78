// One subscription to a Marathon instance's /v2/events (the poller keeps one per cluster, never one
// per browser). Connect to the leader itself where known: a standby proxies the stream with a 10 s
// read timeout equal to the heartbeat, so a proxied stream can be cut (audit §1.8). The stream has
// no Last-Event-ID: after a reconnect the caller re-reads /v2/deployments and /v2/groups.

import http from "node:http";
import https from "node:https";
import { seconds, upstreamLabel, UpstreamError } from "../http/upstreamError.ts";
import { bodyGist } from "../http/upstreamJson.ts";
import { createMarathonEventParser, type MarathonEvent } from "./marathonEvents.ts";

export interface MarathonEventStreamOptions {
  /** Base URL of a registered Marathon instance, the leader when known. */
  instance: string;
  eventTypes?: string[];
  onEvent(e: MarathonEvent): void;
  /** Called once the instance answered 200: the stream is live from here on. */
  onOpen?(): void;
  connectTimeoutMs?: number;
  /** Silence longer than this ends the stream: Marathon sends a heartbeat every 10 s. */
  idleTimeoutMs?: number;
  maxEventBytes?: number;
}

export interface MarathonEventStream {
  /** Resolves when the stream ends: null when closed by the caller, else why it ended. */
  ended: Promise<UpstreamError | null>;
  close(): void;
}

export function openMarathonEventStream(opts: MarathonEventStreamOptions): MarathonEventStream {
  const url = new URL("/v2/events", opts.instance);
  for (const t of opts.eventTypes ?? []) url.searchParams.append("event_type", t);
  const label = upstreamLabel("marathon", url.toString());
  const connectTimeoutMs = opts.connectTimeoutMs ?? 3_000;
  const idleTimeoutMs = opts.idleTimeoutMs ?? 25_000;
  const err = (kind: UpstreamError["kind"], message: string, status?: number) => new UpstreamError({ upstream: "marathon", url: url.toString(), kind, message, status });

  let finish!: (e: UpstreamError | null) => void;
  let done = false;
  const ended = new Promise<UpstreamError | null>((resolve) => (finish = resolve));
  let timer: NodeJS.Timeout | undefined;
  const end = (e: UpstreamError | null) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    req.destroy();
    finish(e);
  };
  const arm = (ms: number, message: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => end(err("timeout", message)), ms);
  };

  // Accept must equal text/event-stream, else Jetty answers 405 (notes §8).
  const req = (url.protocol === "https:" ? https : http).request(url, { headers: { Accept: "text/event-stream" }, agent: false });
  arm(connectTimeoutMs, `${label} did not accept a connection within ${seconds(connectTimeoutMs)}`);
  req.on("socket", (s) => s.once(url.protocol === "https:" ? "secureConnect" : "connect", () => arm(idleTimeoutMs, `${label} sent nothing for ${seconds(idleTimeoutMs)}; the event stream was dropped`)));
  req.on("error", (e: NodeJS.ErrnoException) =>
    end(e.code === "ECONNREFUSED" ? err("refused", `${label} refused the connection`) : err("bad_reply", `${label}: the event stream failed (${e.code ?? e.message})`)),
  );
  req.on("response", (res) => {
    if (res.statusCode !== 200) {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c.slice(0, 4096)));
      res.on("end", () =>
        end(
          res.statusCode === 503 && /current leader/i.test(body)
            ? err("no_leader", "Marathon has no leader (503)", 503)
            : err("bad_status", `${label} answered ${res.statusCode} to the event stream${body ? `: ${bodyGist(body)}` : ""}`, res.statusCode),
        ),
      );
      return;
    }
    opts.onOpen?.();
    const parser = createMarathonEventParser(opts.onEvent, {
      maxEventBytes: opts.maxEventBytes ?? 32 * 1024 * 1024,
      onTooLarge: () => end(err("too_large", `${label} sent an event larger than the cap; the stream was dropped`)),
    });
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      arm(idleTimeoutMs, `${label} sent nothing for ${seconds(idleTimeoutMs)}; the event stream was dropped`);
      if (!done) parser.feed(chunk);
    });
    res.on("end", () => end(err("bad_reply", `${label} closed the event stream`)));
    res.on("aborted", () => end(err("bad_reply", `${label} closed the event stream`)));
  });
  req.end();
  return { ended, close: () => end(null) };
}
