import { readFileSync } from "node:fs";
import type { createPlanRun as CreatePlanRun } from "../../lib/jobs/planRuns.ts";
import type { db as Db } from "../../lib/db/client.ts";
import type { PlanKind } from "../../lib/recipes/planKinds.ts";

// Plans run in the test's own process (no server): the real createPlanRun and JobRunner on the
// test's database. The modules are passed in because tests import them only after pointing the
// database and data folder at their own (useFreshTestDatabase).

export interface InProcessDeps {
  db: typeof Db;
  createPlanRun: typeof CreatePlanRun;
  runner: { idle(timeoutMs?: number): Promise<void> };
  logPath: (jobId: string) => string;
}

export function inProcessRuns(deps: () => InProcessDeps, actor = { username: "tester" }) {
  /** A job's whole log as the runner stored it ("" before it wrote any). */
  const log = (jobId: string) => {
    try {
      return readFileSync(deps().logPath(jobId), "utf8");
    } catch {
      return "";
    }
  };
  /** Runs a plan on cluster 1 (the migration's "default") to its end; prints what failed as an operator would see it first. */
  async function runPlan(plan: PlanKind, timeoutMs = 600_000) {
    const { db, createPlanRun, runner } = deps();
    const { id } = await createPlanRun(1, plan, {}, actor, { confirm: true });
    await runner.idle(timeoutMs);
    const run = await db.planRun.findUniqueOrThrow({ where: { id }, include: { jobs: { orderBy: { seq: "asc" } } } });
    const failed = run.jobs.filter((j) => j.status === "failed");
    if (failed.length) console.error(failed.map((j) => `${j.nodeName} ${j.stepId} ${j.status}: ${j.failure}\n${log(j.id).split("\n").slice(-25).join("\n")}`).join("\n\n"));
    return run;
  }
  return { log, runPlan };
}
