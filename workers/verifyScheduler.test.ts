// Which clusters the scheduled Verify picks, in a real SQLite database with the real migrations:
// brought up and quiet for an interval, yes; never brought up, just brought up, just verified or
// being verified, no; adopted, never.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDatabase } from "../e2e/harness/testDatabase";

useFreshTestDatabase();
const { db, dbReady } = await import("../lib/db/client.ts");
const { startVerifyScheduler } = await import("./verifyScheduler.ts");

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms);
let ids: Record<string, number> = {};

async function cluster(name: string, kind: "provisioned" | "adopted", runs: { plan: string; status: string; at: Date }[], settings?: object) {
  const c = await db.cluster.create({ data: { name, kind, mesosMasters: [], marathon: [], createdBy: "test", ...(settings ? { settings } : {}) } });
  for (const r of runs) {
    await db.planRun.create({ data: { clusterId: c.id, plan: r.plan, title: r.plan, scope: "{}", status: r.status, settings: "{}", createdBy: "test", createdAt: r.at, finishedAt: r.status === "running" ? null : r.at } });
  }
  ids[name] = c.id;
}

beforeAll(async () => {
  await dbReady();
  ids = {};
  await cluster("quiet", "provisioned", [{ plan: "bring-up", status: "succeeded", at: ago(2 * HOUR) }]);
  await cluster("verified-long-ago", "provisioned", [{ plan: "bring-up", status: "succeeded", at: ago(5 * HOUR) }, { plan: "verify", status: "succeeded", at: ago(2 * HOUR) }]);
  await cluster("just-brought-up", "provisioned", [{ plan: "start", status: "succeeded", at: ago(HOUR / 6) }]);
  await cluster("just-verified", "provisioned", [{ plan: "bring-up", status: "succeeded", at: ago(5 * HOUR) }, { plan: "verify", status: "succeeded", at: ago(HOUR / 6) }]);
  await cluster("verifying", "provisioned", [{ plan: "bring-up", status: "succeeded", at: ago(5 * HOUR) }, { plan: "verify", status: "running", at: ago(2 * HOUR) }]);
  await cluster("adopted", "adopted", [{ plan: "bring-up", status: "succeeded", at: ago(5 * HOUR) }]);
  // Their own interval (verifyIntervalMinutes) over the server's default: off, or every 10 minutes.
  await cluster("quiet-but-off", "provisioned", [{ plan: "bring-up", status: "succeeded", at: ago(5 * HOUR) }], { verifyIntervalMinutes: 0 });
  await cluster("every-10-min", "provisioned", [{ plan: "bring-up", status: "succeeded", at: ago(HOUR / 3) }], { verifyIntervalMinutes: 10 });
  await cluster("never-up", "provisioned", [{ plan: "bring-up", status: "failed", at: ago(5 * HOUR) }, { plan: "preflight", status: "succeeded", at: ago(5 * HOUR) }]);
});
afterAll(async () => {
  await db.$disconnect();
});

describe("scheduled verify", () => {
  it("verifies the clusters that were brought up and have been quiet for an interval, and only those", async () => {
    const started: number[] = [];
    let rounds = 0;
    const stop = startVerifyScheduler(HOUR, {
      tickMs: 20,
      start: async (id) => {
        started.push(id);
        return { done: Promise.resolve() };
      },
    });
    // Wait for two whole rounds: each started cluster is asked once per round.
    const deadline = Date.now() + 10_000;
    while (started.length < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    stop();
    rounds = started.filter((id) => id === ids.quiet).length;
    expect(rounds).toBeGreaterThanOrEqual(2);
    expect([...new Set(started)].sort()).toEqual([ids.quiet!, ids["verified-long-ago"]!, ids["every-10-min"]!].sort());
  });
});
