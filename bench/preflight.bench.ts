// Preflight on 20 nodes against 1: every node runs its one read-only script in one SSH channel,
// all at once, so 20 should cost little more than 1 (target ≤ 1.3×). Channels are counted in
// each sshd's own log ("Starting session: command", LogLevel VERBOSE).
import { readFile } from "node:fs/promises";
import { allocateLoopbackAddress, startTestSshHost, stopAllTestSshHosts, type TestSshHost } from "../e2e/harness/sshHosts";
import { db, dbReady, report } from "./benchEnv";

const { createNode } = await import("../lib/nodes/createNode.ts");
const { startPreflight } = await import("../lib/preflight/startPreflight.ts");

const actor = { username: "bench" };

async function clusterOf(name: string, hosts: TestSshHost[]): Promise<number> {
  const cluster = await db.cluster.create({ data: { name, kind: "provisioned", mesosMasters: [], marathon: [], createdBy: "bench" } });
  for (const [i, h] of hosts.entries()) {
    await createNode(
      { name: `${name}-${i}`, address: h.address, port: h.port, username: "root", auth: { kind: "key", privateKey: h.root.privateKey }, role: i === 0 ? "both" : "agent", hostKeyFingerprint: await h.hostKeyFingerprint(), clusterId: cluster.id },
      actor,
    );
  }
  return cluster.id;
}

const sessions = async (hosts: TestSshHost[]) => Promise.all(hosts.map(async (h) => ((await readFile(h.logFile, "utf8")).match(/Starting session: command/g) ?? []).length));

/** Each on its own loopback address, as machines are: nodes sharing one would take each other's ports. */
async function startHosts(n: number): Promise<TestSshHost[]> {
  const hosts: TestSshHost[] = [];
  for (let i = 0; i < n; i += 5) {
    hosts.push(...(await Promise.all(Array.from({ length: Math.min(5, n - i) }, () => startTestSshHost({ arch: "aarch64", isolate: true, address: allocateLoopbackAddress() })))));
  }
  return hosts;
}

export async function benchPreflight(): Promise<void> {
  await dbReady();
  const hosts = await startHosts(21);
  try {
    const one = await clusterOf("pf-one", hosts.slice(0, 1));
    const twenty = await clusterOf("pf-twenty", hosts.slice(1));
    const time = async (clusterId: number, on: TestSshHost[]) => {
      const before = await sessions(on);
      const t0 = performance.now();
      const run = await startPreflight(clusterId, actor);
      const checks = await run.done;
      const ms = performance.now() - t0;
      const channels = (await sessions(on)).map((n, i) => n - before[i]!);
      const red = checks.filter((c) => c.status === "fail" && c.check !== "duplicate");
      return { ms, channels, checks: checks.length, red: red.length, redWhat: [...new Set(red.map((c) => `${c.check}: ${c.detail}`))].join("; ") };
    };
    await time(one, hosts.slice(0, 1)); // warm: the first run pays for loading modules
    const a = await time(one, hosts.slice(0, 1));
    const b = await time(twenty, hosts.slice(1));
    report("preflight 20 nodes / 1 node", (b.ms / a.ms).toFixed(2), "<= 1.3");
    report("preflight times", `1 node ${(a.ms / 1000).toFixed(2)} s (${a.checks} checks), 20 nodes ${(b.ms / 1000).toFixed(2)} s (${b.checks} checks, ${b.red} red${b.red ? `: ${b.redWhat}` : ""})`, "info");
    report("preflight SSH channels per node", `1 node: ${[...new Set(a.channels)].join(",")}; 20 nodes: ${[...new Set(b.channels)].join(",")}`, "1");
  } finally {
    await stopAllTestSshHosts();
  }
}
