// Fan-out: the same step on 20 nodes against on 1; nodes run in parallel, so 20 should cost
// little more than 1. The step mostly waits, as a real node's work happens on the node's own
// CPUs: here all 20 "nodes" share this machine's 2 cores, so CPU-heavy steps would measure that.
import { stopAllTestSshHosts } from "../e2e/harness/sshHosts";
import { addNodes, db, insertPlanRun, JobRunner, report, startHosts, wakeRunner } from "./benchEnv";

const STEP = `echo start; sleep 2; seq 1 2000; echo done`;

export async function benchFanOut(): Promise<void> {
  const hosts = await startHosts(20);
  const nodeIds = await addNodes(hosts);
  const runner = new JobRunner({ pollMs: 1000 });
  await runner.start();
  try {
    const time = async (ids: string[]) => {
      const t0 = performance.now();
      await insertPlanRun(db, ids.map((nodeId, i) => ({ name: `s${i}`, nodeId, script: STEP })));
      wakeRunner();
      await runner.idle();
      return performance.now() - t0;
    };
    await time(nodeIds); // open every node's connection first, like a cluster in use
    const one = await time([nodeIds[0]!]);
    const twenty = await time(nodeIds);
    const failed = await db.job.count({ where: { status: { not: "succeeded" } } });
    report("fan-out 20 nodes / 1 node", (twenty / one).toFixed(2), "<= 1.3");
    report("fan-out times", `1 node ${(one / 1000).toFixed(2)} s, 20 nodes ${(twenty / 1000).toFixed(2)} s, ${failed} job(s) not succeeded`, "info");
  } finally {
    await runner.stop();
    await stopAllTestSshHosts();
  }
}
