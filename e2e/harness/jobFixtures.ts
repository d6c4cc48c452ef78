// Plan runs with hand-written scripts, for tests of the runner itself (the recipes have their own).
import type { PrismaClient } from "../../lib/db/generated/client.ts";

export interface FixtureJob {
  name: string;
  nodeId: string;
  script: string;
  after?: string[];
  mutating?: boolean;
}

export async function insertPlanRun(db: PrismaClient, jobs: FixtureJob[]): Promise<{ runId: string; ids: Record<string, string> }> {
  const runId = `run${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const ids = Object.fromEntries(jobs.map((j) => [j.name, `job${Math.random().toString(36).slice(2, 12)}`]));
  const node = await db.node.findFirstOrThrow({ where: { id: jobs[0]!.nodeId } });
  await db.planRun.create({ data: { id: runId, clusterId: node.clusterId, plan: "test", title: "Test plan", scope: "{}", status: "queued", settings: JSON.stringify({ armdeckDir: "/tmp/armdeck-test-jobs" }), createdBy: "tester" } });
  await db.job.createMany({
    data: jobs.map((j, seq) => ({
      id: ids[j.name]!,
      planRunId: runId,
      seq,
      nodeId: j.nodeId,
      nodeName: node.name,
      component: "test",
      stepId: j.name,
      title: j.name,
      mutating: j.mutating ?? true,
      dependsOn: JSON.stringify((j.after ?? []).map((a) => ids[a]!)),
      script: j.script,
      status: "queued",
      createdBy: "tester",
    })),
  });
  return { runId, ids };
}

/** Every number 1..n on its own line, exactly once and in order. */
export function expectNumberedLines(text: string, n: number, prefix = "line "): void {
  const lines = text.split("\n").filter((l) => l.startsWith(prefix));
  const expected = Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
  if (lines.length !== expected.length || lines.some((l, i) => l !== expected[i])) {
    const firstBad = lines.findIndex((l, i) => l !== expected[i]);
    throw new Error(`expected ${n} numbered lines, got ${lines.length}; first difference at index ${firstBad}: ${JSON.stringify(lines[firstBad])}`);
  }
}
