// The sign-in rate limit holds against a burst of concurrent guesses, against the real server:
// how many passwords were really checked is read from the server's own SQLite file (the audit
// log's failure and success rows), not from what the responses claim.
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../harness/appServer";
import { TestClient } from "../harness/httpClient";

let server: AppServer;
let sqlite: Database.Database;

beforeAll(async () => {
  server = await startAppServer();
  sqlite = new Database(path.join(server.dataDir, "armdeck.db"), { readonly: true });
});
afterAll(async () => {
  sqlite?.close();
  await server?.stop();
});

/** One sign-in over its own connection from a chosen loopback address, so each test has its own client address. */
function loginFrom(localAddress: string, username: string, password: string): Promise<number> {
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.url}/api/v1/auth/login`,
      { method: "POST", localAddress, agent: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode!));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Sign-ins whose password was checked: each leaves exactly one failure or success in the audit log. */
function checkedLogins(where: { target?: string; ip?: string }): { result: string; target: string }[] {
  const clauses = ["action = 'auth.login'", "result IN ('failure', 'success')"];
  if (where.target) clauses.push("target = @target");
  if (where.ip) clauses.push("ip = @ip");
  return sqlite.prepare(`SELECT result, target FROM AuditEvent WHERE ${clauses.join(" AND ")}`).all(where) as { result: string; target: string }[];
}

describe("sign-in rate limit under concurrency", () => {
  it("100 concurrent guesses for one user check at most 5 passwords, and the right one (the 31st) does not sign in", async () => {
    const admin = new TestClient(server.url);
    await admin.login("admin", server.adminPassword);
    const username = "burst-victim";
    const password = "the-right-password-123";
    expect((await admin.call("POST", "/api/v1/users", { body: { username, password, role: "viewer" } })).status).toBe(201);
    const userId = (sqlite.prepare("SELECT id FROM User WHERE username = ?").get(username) as { id: string }).id;

    const RIGHT = 30;
    const statuses = await Promise.all(Array.from({ length: 100 }, (_, i) => loginFrom("127.0.0.41", username, i === RIGHT ? password : `wrong-guess-${i}`)));

    const checked = checkedLogins({ target: username });
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.filter((c) => c.result === "success")).toEqual([]);
    expect(statuses[RIGHT]).toBe(429);
    expect(statuses.filter((s) => s === 200)).toEqual([]);
    expect(sqlite.prepare("SELECT count(*) AS n FROM Session WHERE userId = ?").get(userId)).toEqual({ n: 0 });
  });

  it("60 concurrent guesses for different users from one address check at most 30 passwords", async () => {
    const statuses = await Promise.all(Array.from({ length: 60 }, (_, i) => loginFrom("127.0.0.42", `nobody-${i}`, "wrong-password-x")));
    const checked = checkedLogins({ ip: "127.0.0.42" }).length;
    expect(checked).toBeLessThanOrEqual(30);
    expect(checked).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30);
  });

  it("a success does not count as a failure, and another address is not blocked", async () => {
    for (let i = 0; i < 8; i++) expect(await loginFrom("127.0.0.43", "admin", server.adminPassword)).toBe(200);
    expect(await loginFrom("127.0.0.44", "burst-victim", "the-right-password-123")).toBe(200);
  });
});
