// The clusters migration on a database the previous release left behind: migrations up to
// 20261201000003 applied by Prisma's CLI, rows written with SQL as that schema had them, then the
// rest applied. Every node, the saved settings, every plan run and its jobs must survive, belong to
// cluster 1 "default", and work through the new Prisma client.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prismaCliEnv } from "../harness/testDatabase";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const LAST_BEFORE_CLUSTERS = "20261201000003_status_reports";

function deploy(dataDir: string, migrationsDir?: string) {
  const env = { ...prismaCliEnv(dataDir), ...(migrationsDir ? { ARMDECK_MIGRATIONS_DIR: migrationsDir } : {}) };
  execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: ROOT, env, stdio: "pipe" });
}

const SETTINGS = { mesosVersion: "1.11.0", mesosMasterPort: 5151, marathonPort: 8181, sourceDir: "/srv/armdeck" };
let dataDir: string;
let db: import("../../lib/db/generated/client").PrismaClient;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "armdeck-migration-"));
  const older = path.join(dataDir, "older-migrations");
  mkdirSync(older);
  for (const name of readdirSync(MIGRATIONS)) {
    if (name <= LAST_BEFORE_CLUSTERS) cpSync(path.join(MIGRATIONS, name), path.join(older, name), { recursive: true });
  }
  deploy(dataDir, older);

  const sql = new Database(path.join(dataDir, "armdeck.db"));
  const t = "2026-11-30T10:00:00.000Z";
  const node = sql.prepare(
    `INSERT INTO "Node" (id, name, address, port, username, authKind, secretCipher, hostKeyType, hostKeyFingerprint, role, facts, createdAt, updatedAt)
     VALUES (?, ?, ?, 22, 'root', 'key', 'sealed-envelope', 'ssh-ed25519', ?, ?, '{"arch":"aarch64"}', ?, ?)`,
  );
  node.run("nodeone", "m1", "192.0.2.1", "SHA256:aaa", "master", t, t);
  node.run("nodetwo", "a1", "192.0.2.2", "SHA256:bbb", "agent", t, t);
  sql.prepare(`INSERT INTO "ClusterSettings" (id, json, updatedAt, updatedBy) VALUES (1, ?, ?, 'alice')`).run(JSON.stringify(SETTINGS), t);
  sql.prepare(`INSERT INTO "PlanRun" (id, plan, title, scope, status, settings, createdBy, createdAt) VALUES ('runone', 'status', 'Status', '{}', 'succeeded', '{}', 'alice', ?)`).run(t);
  sql.prepare(`INSERT INTO "PlanRun" (id, plan, title, scope, status, settings, createdBy, createdAt) VALUES ('runtwo', 'build', 'Build', '{}', 'failed', '{}', 'bob', ?)`).run(t);
  const job = sql.prepare(
    `INSERT INTO "Job" (id, planRunId, seq, nodeId, nodeName, component, stepId, title, mutating, dependsOn, script, status, logSize, kind, serviceState, report, createdBy, createdAt)
     VALUES (?, ?, ?, 'nodeone', 'm1', 'mesos', ?, 'A step', 0, '[]', 'echo hi', ?, 42, ?, ?, ?, 'alice', ?)`,
  );
  job.run("jobone", "runone", 1, "mesos-status", "succeeded", "report", "up", JSON.stringify({ target: "mesos-master", answer: "pong" }), t);
  job.run("jobtwo", "runtwo", 1, "mesos-build", "failed", "step", null, null, t);
  job.run("jobthree", "runtwo", 2, "mesos-install", "cancelled", "step", null, null, t);
  sql.close();

  deploy(dataDir);
  process.env.ARMDECK_DATA_DIR = dataDir;
  process.env.ARMDECK_LOG_LEVEL ??= "silent";
  ({ db } = await import("../../lib/db/client"));
});

afterAll(async () => {
  await db?.$disconnect();
});

describe("the clusters migration on a database of the previous schema", () => {
  it("makes today's cluster cluster 1, provisioned, with the saved settings", async () => {
    const clusters = await db.cluster.findMany();
    expect(clusters.map((c) => [c.id, c.name, c.kind])).toEqual([[1, "default", "provisioned"]]);
    expect(clusters[0]!.settings).toEqual(SETTINGS);
    expect(clusters[0]!.mesosMasters).toEqual([]);
    expect(clusters[0]!.updatedBy).toBe("alice");
    expect(clusters[0]!.updatedAt.toISOString()).toBe("2026-11-30T10:00:00.000Z");
  });

  it("keeps every node, with its credentials and facts, in cluster 1", async () => {
    const nodes = await db.node.findMany({ orderBy: { name: "asc" } });
    expect(nodes.map((n) => [n.id, n.name, n.clusterId, n.secretCipher, n.hostKeyFingerprint, n.facts])).toEqual([
      ["nodetwo", "a1", 1, "sealed-envelope", "SHA256:bbb", '{"arch":"aarch64"}'],
      ["nodeone", "m1", 1, "sealed-envelope", "SHA256:aaa", '{"arch":"aarch64"}'],
    ]);
  });

  it("keeps every plan run and every one of their jobs, reports included", async () => {
    const runs = await db.planRun.findMany({ orderBy: { id: "asc" }, include: { jobs: { orderBy: { seq: "asc" } } } });
    expect(runs.map((r) => [r.id, r.clusterId, r.status, r.jobs.map((j) => j.id)])).toEqual([
      ["runone", 1, "succeeded", ["jobone"]],
      ["runtwo", 1, "failed", ["jobtwo", "jobthree"]],
    ]);
    const report = runs[0]!.jobs[0]!;
    expect([report.kind, report.serviceState, report.report, report.logSize]).toEqual(["report", "up", { target: "mesos-master", answer: "pong" }, 42]);
  });

  it("leaves working foreign keys: a new run in cluster 1 is accepted, one in a missing cluster refused, and a cluster with nodes cannot be dropped", async () => {
    await db.planRun.create({ data: { id: "runthree", plan: "status", title: "Status", scope: "{}", status: "queued", settings: "{}", createdBy: "carol", clusterId: 1 } });
    await expect(db.planRun.create({ data: { id: "runfour", plan: "status", title: "Status", scope: "{}", status: "queued", settings: "{}", createdBy: "carol", clusterId: 99 } })).rejects.toThrow();
    await expect(db.cluster.delete({ where: { id: 1 } })).rejects.toThrow();
    // Deleting a run still cascades to its jobs, as before the migration.
    await db.planRun.delete({ where: { id: "runtwo" } });
    expect(await db.job.count({ where: { planRunId: "runtwo" } })).toBe(0);
  });

  it("drops the old settings table", async () => {
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('ClusterSettings', '_Job_kept')`);
    expect(tables).toEqual([]);
  });
});
