// The sweeper removes expired sessions at start and on every later round, and keeps live ones,
// in a real SQLite database with the real migrations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDatabase } from "../e2e/harness/testDatabase";

useFreshTestDatabase();
const { db, dbReady } = await import("../lib/db/client.ts");
const { startSessionSweeper } = await import("./sessionSweeper.ts");

let userId: string;
beforeAll(async () => {
  await dbReady();
  userId = (await db.user.create({ data: { username: "sweep-user", role: "viewer", passwordHash: "unused" } })).id;
});
afterAll(async () => {
  await db.$disconnect();
});

const session = (id: string, expiresAt: Date) => db.session.create({ data: { id, userId, csrfToken: "unused", expiresAt } });

async function gone(id: string): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (!(await db.session.findUnique({ where: { id } }))) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe("session sweeper", () => {
  it("deletes expired sessions at start and on later rounds, and keeps live ones", async () => {
    await session("expired-before-start", new Date(Date.now() - 60_000));
    await session("live", new Date(Date.now() + 3600_000));
    const stop = startSessionSweeper(200);
    try {
      expect(await gone("expired-before-start")).toBe(true);
      await session("expired-later", new Date(Date.now() - 1));
      expect(await gone("expired-later")).toBe(true);
      expect(await db.session.findUnique({ where: { id: "live" } })).not.toBeNull();
    } finally {
      stop();
    }
  });
});
