// A tiny HTTP server on loopback for client tests: answers with a handler and records every
// request it got, so a test can prove a host was (or was never) contacted.

import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface LoopbackServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startLoopbackServer(handler: http.RequestListener, host = "127.0.0.1"): Promise<LoopbackServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
