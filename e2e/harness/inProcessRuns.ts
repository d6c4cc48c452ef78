import { readFileSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import type { PlanScope } from "../../lib/plans/buildPlan.ts";
import type { PlanKind } from "../../lib/recipes/planKinds.ts";
import type { JobRunner } from "../../workers/jobRunner.ts";
import { startCluster, stopAllClusterHosts, type ClusterHost, type ClusterHostSpec } from "./clusterHosts";
import { enrolHostsDirect } from "./enrolHosts";

// Plans run in the test's own process (no server): cluster test hosts enrolled as cluster 1's nodes
// (the migration's "default") in the test's database, and the real createPlanRun and JobRunner. The
// app's modules are imported inside the hooks, because a test imports them only after pointing the
// database and data folder at its own (useFreshTestDatabase, called first in the test file).

export interface RunnerCluster {
  /** Filled by the time the test file's own beforeAll hooks run. */
  hosts: ClusterHost[];
  /** Host name → node id. */
  nodeIds: Record<string, string>;
  runner: JobRunner;
  /** A job's whole log as the runner stored it ("" before it wrote any). */
  log(jobId: string): string;
  /** Runs a plan on cluster 1 to its end; prints what failed as an operator would see it first. */
  runPlan(plan: PlanKind, timeoutMs?: number, scope?: PlanScope): Promise<Awaited<ReturnType<typeof loadRun>>>;
}

async function loadRun(id: string) {
  const { db } = await import("../../lib/db/client.ts");
  return db.planRun.findUniqueOrThrow({ where: { id }, include: { jobs: { orderBy: { seq: "asc" } } } });
}

export function useRunnerCluster(specs: ClusterHostSpec[], actor = { username: "tester" }): RunnerCluster {
  const cluster = { hosts: [] as ClusterHost[], nodeIds: {} as Record<string, string> } as RunnerCluster;
  // Set in beforeAll, once the test has pointed the data folder at its own.
  let logPathOf: (jobId: string) => string = () => "";
  cluster.log = (jobId) => {
    try {
      return readFileSync(logPathOf(jobId), "utf8");
    } catch {
      return "";
    }
  };
  cluster.runPlan = async (plan, timeoutMs = 600_000, scope = {}) => {
    const { createPlanRun } = await import("../../lib/jobs/planRuns.ts");
    const { id } = await createPlanRun(1, plan, scope, actor, { confirm: true });
    await cluster.runner.idle(timeoutMs);
    const run = await loadRun(id);
    const failed = run.jobs.filter((j) => j.status === "failed");
    if (failed.length) console.error(failed.map((j) => `${j.nodeName} ${j.stepId} ${j.status}: ${j.failure}\n${cluster.log(j.id).split("\n").slice(-25).join("\n")}`).join("\n\n"));
    return run;
  };

  beforeAll(async () => {
    const { dbReady } = await import("../../lib/db/client.ts");
    const { createNode } = await import("../../lib/nodes/createNode.ts");
    const { JobRunner } = await import("../../workers/jobRunner.ts");
    ({ logPath: logPathOf } = await import("../../lib/jobs/logStore.ts"));
    await dbReady();
    cluster.hosts.push(...(await startCluster(specs)));
    Object.assign(cluster.nodeIds, await enrolHostsDirect(createNode, cluster.hosts, actor));
    cluster.runner = new JobRunner({ pollMs: 200 });
    await cluster.runner.start();
  }, 120_000);

  afterAll(async () => {
    const { db } = await import("../../lib/db/client.ts");
    await cluster.runner?.stop();
    await stopAllClusterHosts();
    await db.$disconnect();
  });
  return cluster;
}
