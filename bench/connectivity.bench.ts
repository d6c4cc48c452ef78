// The connectivity check at scale: 20 nodes × 10 containers, so 200 rows × (10 names + 200 IPs).
// The nodes are real sshd test hosts, the runner and the SSH pool are Armdeck's own, and the check
// runs exactly as the API starts it (weave ps per node, then one detached job per node whose log
// is read back into the matrix). Docker and Weave are lib/connectivity/testing's stand-in, which
// answers from files: every docker exec, getent and ping is still a process on this machine, so
// the time measures the script's fan-out with all 20 "nodes" sharing these 2 cores.
import fs from "node:fs";
import { startTestSshHost, stopAllTestSshHosts, type TestSshHost } from "../e2e/harness/sshHosts";
import { addNodes, db, JobRunner, report, wakeRunner } from "./benchEnv";

const { ContainerFixture } = await import("../lib/connectivity/testing/containerFixture.ts");
const { locateWeaveIps } = await import("../lib/connectivity/locateWeaveIps.ts");
const { nodePlans, planLayout } = await import("../lib/connectivity/planCheck.ts");
const { nodeCheckScript } = await import("../lib/connectivity/nodeCheckScript.ts");
const { getConnectivityCheck } = await import("../lib/connectivity/getConnectivityCheck.ts");
const { createId } = await import("../lib/jobs/createId.ts");

const NODES = 20;
const PER_NODE = 10;
const APPS = 10;

const sessions = (h: TestSshHost) => (fs.readFileSync(h.logFile, "utf8").match(/Starting session: command/g) ?? []).length;

export async function benchConnectivity(): Promise<void> {
  const fx = new ContainerFixture();
  const hosts: TestSshHost[] = [];
  for (let i = 0; i < NODES; i += 5) {
    hosts.push(...(await Promise.all(Array.from({ length: Math.min(5, NODES - i) }, () => startTestSshHost({ arch: "aarch64", isolate: true, pathAfterShims: [fx.binDir] })))));
  }
  const nodeIds = await addNodes(hosts);
  const nodes = await db.node.findMany({ where: { id: { in: nodeIds } } });
  const nameOf = new Map(nodes.map((n) => [n.id, n.name]));
  // Container j of node i belongs to app j (one instance of each app per node, as Marathon spreads basic.json).
  const containers = nodeIds.flatMap((nodeId, i) =>
    Array.from({ length: PER_NODE }, (_, j) => ({ app: `/bench/app${j % APPS}`, task: `app${j}.n${i}`, nodeId, node: nameOf.get(nodeId)!, container: `mesos-n${i}-c${j}`, hostname: `app${j % APPS}.weave.local` })),
  );
  const ipOf = (k: number) => `10.${32 + Math.floor(k / 250)}.${k % 250}.${1 + (k % 7)}`;
  containers.forEach((c, k) => fx.addContainer({ name: c.container, ip: ipOf(k), hostname: c.hostname }));
  for (let a = 0; a < APPS; a++) fx.register(`app${a}.weave.local`, containers.flatMap((c, k) => (c.hostname === `app${a}.weave.local` ? [ipOf(k)] : [])));

  const runner = new JobRunner({ pollMs: 1000 });
  await runner.start();
  try {
    // Warm the pool as a cluster in use would have it, then count from here.
    await locateWeaveIps(containers.slice(0, 1), new Map(nodes.map((n) => [n.id, "root"])), 15_000);
    const before = hosts.map(sessions);
    const t0 = performance.now();
    const located = await locateWeaveIps(containers, new Map(nodes.map((n) => [n.id, "root"])), 15_000);
    const layout = planLayout("/bench", containers, (c) => located.ips.get(`${c.nodeId} ${c.container}`) ?? null, located.notes);
    const runId = createId();
    const plans = [...nodePlans(layout).entries()];
    await db.planRun.create({ data: { id: runId, clusterId: nodes[0]!.clusterId, plan: "connectivity", title: "bench", scope: "{}", status: "queued", settings: JSON.stringify({ armdeckDir: "/opt/armdeck" }), createdBy: "bench" } });
    await db.job.createMany({
      data: plans.map(([nodeId, plan], seq) => ({ id: createId(), planRunId: runId, seq, nodeId, nodeName: nameOf.get(nodeId)!, component: "connectivity", stepId: "connectivity.check", title: "check", mutating: false, dependsOn: "[]", script: nodeCheckScript(plan, "bench"), status: "queued", createdBy: "bench" })),
    });
    await db.connectivityCheck.create({ data: { planRunId: runId, clusterId: nodes[0]!.clusterId, groupId: "/bench", layout } });
    wakeRunner();
    await runner.idle(900_000);
    const matrix = await getConnectivityCheck(nodes[0]!.clusterId, runId);
    const ms = performance.now() - t0;
    const channels = hosts.map((h, i) => sessions(h) - before[i]!);
    report("connectivity 20×10: time to the full matrix", `${(ms / 1000).toFixed(1)} s for ${matrix.cells.length} cells (${matrix.summary.ok} ok, ${matrix.summary.failed} failed, ${matrix.summary.pending} pending)`, "info");
    report("connectivity SSH channels per node", `${Math.min(...channels)}–${Math.max(...channels)} (1 weave ps + 1 check job)`, "check job: 1 per node");
  } finally {
    await runner.stop();
    await stopAllTestSshHosts();
    fx.remove();
  }
}
