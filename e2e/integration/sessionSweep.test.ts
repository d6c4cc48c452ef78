// The real server sweeps expired sessions from its database at start, without anyone
// presenting them (before, they stayed until their cookie came back).
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../harness/appServer";
import { createTestDataDir } from "../harness/testDatabase";

let server: AppServer | undefined;
afterAll(async () => {
  await server?.stop();
});

it("an expired session row is gone after the server's start-up sweep, and a live one stays", async () => {
  const dataDir = createTestDataDir();
  const sqlite = new Database(path.join(dataDir, "armdeck.db"));
  sqlite.pragma("busy_timeout = 5000");
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  sqlite.prepare("INSERT INTO User (id, username, passwordHash, role, disabled, createdAt, updatedAt) VALUES ('u1', 'old-user', 'unused', 'viewer', 0, ?, ?)").run(iso(Date.now()), iso(Date.now()));
  const insert = sqlite.prepare("INSERT INTO Session (id, userId, csrfToken, createdAt, lastSeenAt, expiresAt) VALUES (?, 'u1', 'unused', ?, ?, ?)");
  insert.run("expired", iso(Date.now() - 86_400_000), iso(Date.now() - 86_400_000), iso(Date.now() - 3_600_000));
  insert.run("live", iso(Date.now()), iso(Date.now()), iso(Date.now() + 3_600_000));

  server = await startAppServer({ dataDir });
  const present = (id: string) => sqlite.prepare("SELECT count(*) AS n FROM Session WHERE id = ?").get(id) as { n: number };
  const deadline = Date.now() + 10_000;
  while (present("expired").n > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(present("expired").n).toBe(0);
  expect(present("live").n).toBe(1);
  sqlite.close();
});
