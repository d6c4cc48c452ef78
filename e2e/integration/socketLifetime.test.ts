// An open socket lives no longer than the credential it was opened with: logout, an admin
// disabling the user or changing their role, a revoked token and an expired session each close
// it, against the real server with a real socket.io client.
import crypto from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { io, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../harness/appServer";
import { TestClient } from "../harness/httpClient";

let server: AppServer;
let admin: TestClient;
let sqlite: Database.Database;
const opened: Socket[] = [];

beforeAll(async () => {
  server = await startAppServer();
  sqlite = new Database(path.join(server.dataDir, "armdeck.db"));
  sqlite.pragma("busy_timeout = 5000");
  admin = new TestClient(server.url);
  expect((await admin.login("admin", server.adminPassword)).status).toBe(200);
});
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});
afterAll(async () => {
  sqlite?.close();
  await server?.stop();
});

async function signedInUser(role: "viewer" | "operator" = "viewer"): Promise<{ id: string; client: TestClient; username: string; password: string }> {
  const username = `sock-${crypto.randomBytes(4).toString("hex")}`;
  const password = "socket-user-password-1";
  const created = await admin.call("POST", "/api/v1/users", { body: { username, password, role } });
  expect(created.status).toBe(201);
  const client = new TestClient(server.url);
  expect((await client.login(username, password)).status).toBe(200);
  return { id: created.body.id, client, username, password };
}

/** A connected socket, subscribed to the runs room (plan events) the way a page is. */
async function openSocket(headers: Record<string, string>): Promise<Socket> {
  const socket = io(server.url, { transports: ["websocket"], extraHeaders: { origin: server.url, ...headers }, reconnection: false, timeout: 5000 });
  opened.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  socket.emit("subscribe", "runs");
  return socket;
}

/** Why the server closed the socket, or "still connected" when it had not within a few seconds. */
function closedBy(socket: Socket, withinMs = 8000): Promise<string> {
  if (!socket.connected) return Promise.resolve("was not connected");
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve("still connected"), withinMs);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

const SERVER_CLOSED = "io server disconnect";

describe("sockets end with their credential", () => {
  it("logout closes that session's sockets and not the user's other session", async () => {
    const user = await signedInUser();
    const elsewhere = new TestClient(server.url);
    await elsewhere.login(user.username, user.password);
    const mine = await openSocket({ cookie: user.client.cookie! });
    const other = await openSocket({ cookie: elsewhere.cookie! });
    const closing = closedBy(mine);
    expect((await user.client.call("POST", "/api/v1/auth/logout")).status).toBe(200);
    expect(await closing).toBe(SERVER_CLOSED);
    expect(other.connected).toBe(true);
  });

  it("an admin disabling the user closes their sockets", async () => {
    const user = await signedInUser();
    const socket = await openSocket({ cookie: user.client.cookie! });
    const closing = closedBy(socket);
    expect((await admin.call("PATCH", `/api/v1/users/${user.id}`, { body: { disabled: true } })).status).toBe(200);
    expect(await closing).toBe(SERVER_CLOSED);
  });

  it("an admin changing the user's role closes their sockets", async () => {
    const user = await signedInUser("operator");
    const socket = await openSocket({ cookie: user.client.cookie! });
    const closing = closedBy(socket);
    expect((await admin.call("PATCH", `/api/v1/users/${user.id}`, { body: { role: "viewer" } })).status).toBe(200);
    expect(await closing).toBe(SERVER_CLOSED);
  });

  it("revoking an API token closes the sockets opened with it", async () => {
    const user = await signedInUser();
    const created = await user.client.call("POST", "/api/v1/tokens", { body: { name: "socket script" } });
    expect(created.status).toBe(201);
    const socket = await openSocket({ authorization: `Bearer ${created.body.token}` });
    const closing = closedBy(socket);
    expect((await user.client.call("DELETE", `/api/v1/tokens/${created.body.id}`)).status).toBe(200);
    expect(await closing).toBe(SERVER_CLOSED);
  });

  it("a session that expires closes its sockets at its expiry", async () => {
    const user = await signedInUser();
    // The session's end moved close, as if it had been signed in for ARMDECK_SESSION_HOURS.
    const soon = new Date(Date.now() + 1500).toISOString().replace("Z", "+00:00");
    sqlite.prepare("UPDATE Session SET expiresAt = ? WHERE userId = ?").run(soon, user.id);
    const socket = await openSocket({ cookie: user.client.cookie! });
    expect(await closedBy(socket)).toBe(SERVER_CLOSED);
    expect((await user.client.call("GET", "/api/v1/auth/session")).status).toBe(401);
  });

  it("a socket whose session is gone without a broadcast is closed at its next subscription", async () => {
    const user = await signedInUser();
    const socket = await openSocket({ cookie: user.client.cookie! });
    // Another instance (or a sweep) removed the row: this server heard nothing.
    sqlite.prepare("DELETE FROM Session WHERE userId = ?").run(user.id);
    const closing = closedBy(socket);
    socket.emit("plan:follow", { planRunId: "anyrun" });
    expect(await closing).toBe(SERVER_CLOSED);
  });
});
