// The real server with its database made unwritable under it (the file set immutable, as
// `chattr +i` does): a write gets a 503 that names the cause, and once the file is writable again
// plan runs are created as before (a failed COMMIT used to leave the transaction lock held, so
// every later POST /api/v1/plan-runs hung while single writes worked).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../harness/appServer";
import { TestClient } from "../harness/httpClient";
import { startTestSshHost, stopAllTestSshHosts } from "../harness/sshHosts";
import { useFreshTestDatabase } from "../harness/testDatabase";

const dataDir = useFreshTestDatabase();
const { db, dbReady } = await import("../../lib/db/client.ts");
const { createNode } = await import("../../lib/nodes/createNode.ts");

// Not the -shm file: SQLite maps it into memory, and an immutable mapping kills the process (SIGBUS).
const dbFiles = ["armdeck.db", "armdeck.db-wal"].map((f) => path.join(dataDir, f));
const setImmutable = (on: boolean) => execFileSync("chattr", [on ? "+i" : "-i", ...dbFiles]);

let server: AppServer;
let client: TestClient;

beforeAll(async () => {
  await dbReady();
  const host = await startTestSshHost({ arch: "x86_64" });
  await createNode(
    { name: "n1", address: host.address, port: host.port, username: "root", auth: { kind: "key", privateKey: host.root.privateKey }, role: "both", hostKeyFingerprint: await host.hostKeyFingerprint() },
    { username: "tester" },
  );
  server = await startAppServer({ dataDir });
  client = new TestClient(server.url);
  expect((await client.login("admin", server.adminPassword)).status).toBe(200);
});
afterAll(async () => {
  setImmutable(false);
  await server?.stop();
  await stopAllTestSshHosts();
  await db.$disconnect();
});

// A hang is the defect: every call gets a deadline well below the test's.
const createRun = () => client.call("POST", "/api/v1/plan-runs", { body: { plan: "status" }, signal: AbortSignal.timeout(15_000) });

describe("a database that takes no writes", () => {
  it("answers 503 naming the cause, and nothing stays locked once it is writable again", async () => {
    expect((await createRun()).status).toBe(201);
    const runsBefore = await db.planRun.count();

    setImmutable(true);
    const refused = await createRun();
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe("service_unavailable");
    expect(refused.body.error.message).toMatch(/could not be written \(read-only or immutable file/);
    // Reads still work while writes cannot.
    expect((await client.call("GET", "/api/v1/plan-runs")).status).toBe(200);
    setImmutable(false);

    for (let i = 0; i < 3; i++) expect((await createRun()).status).toBe(201);
    expect(await db.planRun.count()).toBe(runsBefore + 3);
  });
});
