import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

// A loopback proxy in front of one stand-in upstream that counts what reaches it: requests per
// path and the most ever in flight at once. Measured here, at the server side, so a test proves
// what the upstream saw, not what the client believes it sent. An event stream (Accept:
// text/event-stream, Marathon's /v2/events) is a long-lived subscription, not a request that is
// answered: it is counted apart (streams open now and at most), so "most requests in flight"
// stays the figure for ordinary requests.

export interface CountingProxy {
  url: string;
  /** Requests received, in order ("GET /master/state"). */
  readonly log: string[];
  count(path?: string): number;
  readonly maxInFlight: number;
  readonly inFlight: number;
  /** Event streams open now, and the most ever open at once. */
  readonly openStreams: number;
  readonly maxStreams: number;
  /** Cuts every event stream open now (the upstream's side stays up for ordinary requests). */
  dropStreams(): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startCountingProxy(targetUrl: string, host = "127.0.0.1"): Promise<CountingProxy> {
  const target = new URL(targetUrl);
  const log: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let openStreams = 0;
  let maxStreams = 0;
  const sockets = new Set<Socket>();
  const streamSockets = new Set<Socket>();

  const server = http.createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    const isStream = req.headers.accept === "text/event-stream";
    if (isStream) {
      openStreams++;
      maxStreams = Math.max(maxStreams, openStreams);
      streamSockets.add(req.socket);
    } else {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
    }
    let done = false;
    const finish = () => {
      if (!done) {
        if (isStream) openStreams--;
        else inFlight--;
        streamSockets.delete(req.socket);
      }
      done = true;
    };
    res.on("close", finish);
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", (e) => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { "Content-Type": "text/plain" });
      res.end(`proxy: upstream ${target.host} failed: ${(e as NodeJS.ErrnoException).code ?? e.message}`);
    });
    // The client gave up (its abort or timeout): the upstream request goes too.
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, host, () => resolve()));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}`,
    log,
    count: (path) => (path === undefined ? log.length : log.filter((l) => l.split(" ")[1]?.split("?")[0] === path).length),
    get maxInFlight() {
      return maxInFlight;
    },
    get inFlight() {
      return inFlight;
    },
    get openStreams() {
      return openStreams;
    },
    get maxStreams() {
      return maxStreams;
    },
    dropStreams() {
      for (const s of streamSockets) s.destroy();
    },
    reset() {
      log.length = 0;
      maxInFlight = inFlight;
      maxStreams = openStreams;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
