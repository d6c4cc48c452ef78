// The runner against a real sshd host and a real SQLite file: detached steps, every byte exactly
// once across a killed sshd and a restarted runner, cancel, dependencies, retry, per-node limit.
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectNumberedLines, insertPlanRun } from "../harness/jobFixtures";
import { runRunnerUntilCrash } from "../harness/runnerProcess";
import { startTestSshHost, stopAllTestSshHosts, type TestSshHost } from "../harness/sshHosts";
import { useFreshTestDatabase } from "../harness/testDatabase";

const dataDir = useFreshTestDatabase();
const { db, dbReady } = await import("../../lib/db/client.ts");
const { createNode } = await import("../../lib/nodes/createNode.ts");
const { JobRunner } = await import("../../workers/jobRunner.ts");
const { logPath } = await import("../../lib/jobs/logStore.ts");
const { cancelPlanRun, retryPlanRun } = await import("../../lib/jobs/planRuns.ts");

const actor = { username: "tester" };
let host: TestSshHost;
let nodeId: string;
let runner: InstanceType<typeof JobRunner> | null = null;

beforeAll(async () => {
  await dbReady();
  host = await startTestSshHost({ arch: "aarch64" });
  const node = await createNode(
    { name: "n1", address: host.address, port: host.port, username: "root", auth: { kind: "key", privateKey: host.root.privateKey }, role: "both", hostKeyFingerprint: await host.hostKeyFingerprint() },
    actor,
  );
  nodeId = node.id;
});
afterEach(async () => {
  await runner?.stop();
  runner = null;
});
afterAll(async () => {
  await stopAllTestSshHosts();
  await db.$disconnect();
});

const job = (id: string) => db.job.findUniqueOrThrow({ where: { id } });
const log = (id: string) => {
  try {
    return readFileSync(logPath(id), "utf8");
  } catch {
    return "";
  }
};
async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const numbered = (from: number, to: number) => `i=${from}; while [ $i -le ${to} ]; do echo "line $i"; i=$((i + 1)); done`;

describe("job runner", () => {
  it("runs a step detached and stores its whole output", async () => {
    const { runId, ids } = await insertPlanRun(db, [{ name: "count", nodeId, script: numbered(1, 5000) }]);
    runner = new JobRunner({ pollMs: 100 });
    await runner.start();
    await runner.idle();
    expect(await job(ids.count!)).toMatchObject({ status: "succeeded", exitCode: 0 });
    expectNumberedLines(log(ids.count!), 5000);
    expect((await db.planRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("succeeded");
  });

  it("loses nothing and repeats nothing when sshd is killed mid-step", async () => {
    const script = `${numbered(1, 3000)}\nsleep 3\n${numbered(3001, 6000)}`;
    const { ids } = await insertPlanRun(db, [{ name: "survivor", nodeId, script }]);
    runner = new JobRunner({ pollMs: 100 });
    await runner.start();
    await waitFor("the first half of the output", async () => log(ids.survivor!).includes("line 3000\n"));
    await host.stop(); // the listener and every session die; the detached step does not
    await waitFor("the job to say it is reconnecting", async () => /reconnecting/.test((await job(ids.survivor!)).note ?? ""), 15_000);
    await host.start();
    await runner.idle();
    expect(await job(ids.survivor!)).toMatchObject({ status: "succeeded", exitCode: 0 });
    expectNumberedLines(log(ids.survivor!), 6000);
  });

  it("a restarted runner reattaches to a step left running and finishes its log", async () => {
    const script = `${numbered(1, 2000)}\nsleep 3\n${numbered(2001, 4000)}`;
    const { ids } = await insertPlanRun(db, [{ name: "reattach", nodeId, script }]);
    const first = new JobRunner({ pollMs: 100, runnerId: "first" });
    await first.start();
    await waitFor("output", async () => log(ids.reattach!).includes("line 2000\n"));
    await first.stop(); // as if the dashboard died: the job stays "running" in the database
    expect((await job(ids.reattach!)).status).toBe("running");
    runner = new JobRunner({ pollMs: 100, runnerId: "second" });
    await runner.start();
    await runner.idle();
    expect(await job(ids.reattach!)).toMatchObject({ status: "succeeded" });
    expectNumberedLines(log(ids.reattach!), 4000);
  });

  it("cancel kills the step's process group on the node", async () => {
    // A copy of sleep under a unique name: pgrep -x then finds exactly the step's child.
    const marker = `adc${Date.now().toString(36).slice(-8)}`;
    const { runId, ids } = await insertPlanRun(db, [
      { name: "long", nodeId, script: `cp /bin/sleep /tmp/${marker}\n/tmp/${marker} 300 &\necho started\nsleep 300` },
      { name: "after", nodeId, script: "echo never", after: ["long"] },
    ]);
    runner = new JobRunner({ pollMs: 100 });
    await runner.start();
    await waitFor("start", async () => log(ids.long!).includes("started"));
    expect((await host.exec(`pgrep -x ${marker} || true`)).stdout.trim()).toMatch(/^\d+$/);
    await cancelPlanRun(runId, actor);
    await runner.idle(30_000);
    expect(await job(ids.long!)).toMatchObject({ status: "cancelled" });
    expect(await job(ids.after!)).toMatchObject({ status: "cancelled" });
    // Killed processes may linger as zombies until pid 1 reaps them: only living ones count.
    const living = `for p in $(pgrep -x ${marker}); do [ "$(cut -d' ' -f3 /proc/$p/stat)" = Z ] || echo $p; done`;
    expect((await host.exec(living)).stdout.trim()).toBe("");
    expect((await db.planRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("cancelled");
  });

  it("a failure stops its dependents, says which command failed, and retry resumes from it", async () => {
    const flag = `/tmp/armdeck-retry-${Date.now()}`;
    const { runId, ids } = await insertPlanRun(db, [
      { name: "first", nodeId, script: "echo first ran" },
      { name: "flaky", nodeId, script: `set -eu\nPS4='+ '\nset -x\nif [ ! -f ${flag} ]; then touch ${flag}; echo boom; exit 3; fi\necho fixed`, after: ["first"] },
      { name: "last", nodeId, script: "echo last ran", after: ["flaky"] },
    ]);
    runner = new JobRunner({ pollMs: 100 });
    await runner.start();
    await runner.idle();
    expect(await job(ids.flaky!)).toMatchObject({ status: "failed", exitCode: 3, failure: "Exit code 3 from: exit 3" });
    expect(await job(ids.last!)).toMatchObject({ status: "cancelled", failure: "Not run: flaky on n1 failed" });
    expect((await db.planRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("failed");

    expect(await retryPlanRun(runId, actor)).toEqual({ requeued: 2 });
    await runner.idle();
    expect(await job(ids.first!)).toMatchObject({ status: "succeeded", attempt: 1 });
    expect(await job(ids.flaky!)).toMatchObject({ status: "succeeded", attempt: 2 });
    expect(await job(ids.last!)).toMatchObject({ status: "succeeded" });
    expect(log(ids.flaky!)).toMatch(/boom[\s\S]*fixed/);
    expect(log(ids.first!).match(/first ran/g)).toHaveLength(1);
    expect((await db.planRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("succeeded");
  });

  it("runs one mutating step at a time per node", async () => {
    const stamp = (name: string) => `echo "${name} start $(date +%s%N)"; sleep 1; echo "${name} end $(date +%s%N)"`;
    const { ids } = await insertPlanRun(db, [
      { name: "a", nodeId, script: stamp("a") },
      { name: "b", nodeId, script: stamp("b") },
    ]);
    runner = new JobRunner({ pollMs: 100 });
    await runner.start();
    await runner.idle();
    const times = (id: string) => log(id).match(/\d{10,}/g)!.map(BigInt);
    const [aStart, aEnd] = times(ids.a!);
    const [bStart, bEnd] = times(ids.b!);
    expect(aEnd! <= bStart! || bEnd! <= aStart!).toBe(true);
  });

  // A dashboard killed between claiming a step and the node starting it: after a restart the step
  // runs, exactly once, counted on the node. Each crash is at a named point (ARMDECK_CRASH_AT).
  for (const point of ["job-claimed", "job-folder-recorded", "job-started-on-node"] as const) {
    it(`a runner killed at ${point} leaves a step that runs exactly once after a restart`, async () => {
      const runs = `/tmp/armdeck-runs-${point}-${Date.now()}`;
      const { ids } = await insertPlanRun(db, [{ name: "once", nodeId, script: `echo ran >> ${runs}\necho step output` }]);
      const crashed = await runRunnerUntilCrash(dataDir, point);
      expect(crashed.signal, crashed.output).toBe("SIGKILL");
      expect((await job(ids.once!)).status).toBe("running"); // claimed, and left so by the crash

      runner = new JobRunner({ pollMs: 100, runnerId: "after-crash" });
      await runner.start();
      await runner.idle();
      expect(await job(ids.once!)).toMatchObject({ status: "succeeded", exitCode: 0 });
      expect(log(ids.once!)).toContain("step output");
      expect((await host.exec(`cat ${runs}`)).stdout).toBe("ran\n");
    });
  }
});
