// What every benchmark shares: a fresh database, real sshd hosts, nodes added through the real
// service, the real runner and a real socket.io server and client on loopback.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server as SocketServer } from "socket.io";
import { io as connectClient, type Socket } from "socket.io-client";
import { startTestSshHost, type TestSshHost } from "../e2e/harness/sshHosts";
import { useFreshTestDatabase } from "../e2e/harness/testDatabase";

useFreshTestDatabase();

export const { db, dbReady } = await import("../lib/db/client.ts");
const { createNode } = await import("../lib/nodes/createNode.ts");
const { registerPublisher } = await import("../lib/realtime/publish.ts");
const { registerSocketHandlers } = await import("../lib/realtime/socketHandlers.ts");
const { bindSocketToCredential, socketAuthMiddleware } = await import("../lib/realtime/socketAuth.ts");
const { createSession, SESSION_COOKIE } = await import("../lib/auth/sessions.ts");
export const { JobRunner } = await import("../workers/jobRunner.ts");
export const { wakeRunner } = await import("../lib/jobs/runnerSignal.ts");
export { insertPlanRun } from "../e2e/harness/jobFixtures";

let added = 0;

export async function addNodes(hosts: TestSshHost[]): Promise<string[]> {
  await dbReady();
  const ids: string[] = [];
  for (const [i, h] of hosts.entries()) {
    const node = await createNode(
      { name: `bench-${added++}`, address: h.address, port: h.port, username: "root", auth: { kind: "key", privateKey: h.root.privateKey }, role: i === 0 ? "both" : "agent", hostKeyFingerprint: await h.hostKeyFingerprint() },
      { username: "bench" },
    );
    ids.push(node.id);
  }
  return ids;
}

export async function startHosts(n: number): Promise<TestSshHost[]> {
  const hosts: TestSshHost[] = [];
  // A few at a time: 2 cores, and each start generates a host key.
  for (let i = 0; i < n; i += 5) hosts.push(...(await Promise.all(Array.from({ length: Math.min(5, n - i) }, () => startTestSshHost({ arch: "aarch64", isolate: process.env.BENCH_HOST_PROFILE !== "machine" })))));
  return hosts;
}

/** socket.io on loopback wired to the app's socket auth, publisher and handlers, with one signed-in client connected. */
export async function startSocketPair(): Promise<{ client: Socket; close: () => Promise<void> }> {
  await dbReady();
  const user = await db.user.create({ data: { username: `bench-viewer-${Date.now()}`, role: "viewer", passwordHash: "unused" } });
  const { cookieValue } = await createSession(user.id, {});
  const http = createServer();
  const ioServer = new SocketServer(http, { serveClient: false, maxHttpBufferSize: 1e8 });
  ioServer.use(socketAuthMiddleware(() => "http"));
  ioServer.on("connection", (socket) => {
    bindSocketToCredential(socket);
    registerSocketHandlers(socket);
  });
  registerPublisher({ publish: (room, event, payload) => ioServer.to(room).emit(event, payload), disconnect: (room) => ioServer.in(room).disconnectSockets(true) });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  const { port } = http.address() as AddressInfo;
  const client = connectClient(`http://127.0.0.1:${port}`, { transports: ["websocket"], extraHeaders: { cookie: `${SESSION_COOKIE}=${cookieValue}` } });
  await new Promise<void>((r) => client.once("connect", () => r()));
  return {
    client,
    close: async () => {
      client.close();
      await new Promise<void>((r) => ioServer.close(() => r()));
    },
  };
}

export function report(name: string, value: string, target: string): void {
  console.log(`${name}: ${value} (${target})`);
}
