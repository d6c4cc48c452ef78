// `npm run demo`: the dashboard with two clusters to try every screen on one machine, and nothing
// that leaves it. An adopted cluster is the standalone Mesos + Marathon stand-in (50 agents,
// aarch64 and x86_64, a few hundred apps); a provisioned one is three test hosts on loopback
// addresses (real sshd, the runbook's tools stood in for) that the demo brings up through
// Armdeck's own API, as an operator would. Honours PORT, HOST, ARMDECK_ADMIN_PASSWORD and
// ARMDECK_DATA_DIR like `npm start`.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { startCluster, stopAllClusterHosts, type ClusterHost } from "../e2e/harness/clusterHosts";
import { enrolHosts } from "../e2e/harness/enrolHosts";
import { TestClient } from "../e2e/harness/httpClient";
import { prismaCliEnv } from "../e2e/harness/testDatabase";
import { startStandin } from "../standin/server";

const ROOT = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const dataDir = path.resolve(process.env.ARMDECK_DATA_DIR ?? path.join(ROOT, "data-demo"));
const adminPassword = process.env.ARMDECK_ADMIN_PASSWORD ?? `demo-${randomBytes(6).toString("hex")}`;
const base = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

const say = (line: string) => console.log(`[demo] ${line}`);

function migrate(): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: ROOT, env: prismaCliEnv(dataDir), stdio: "pipe" });
}

async function startDashboard(): Promise<() => void> {
  const logFile = path.join(dataDir, "server.log");
  const out = openSync(logFile, "a");
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["server.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: host, ARMDECK_DATA_DIR: dataDir, ARMDECK_ADMIN_PASSWORD: adminPassword },
    stdio: ["ignore", out, out],
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the dashboard exited with ${child.exitCode}; see ${logFile}`);
    const ok = await fetch(`${base}/api/v1/auth/session`).then(
      () => true,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the dashboard did not answer within 90 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  say(`dashboard log: ${logFile}`);
  return () => child.kill("SIGTERM");
}

async function expectOk(what: string, res: { status: number; text: string }): Promise<void> {
  if (res.status >= 300) throw new Error(`${what}: HTTP ${res.status} ${res.text.slice(0, 400)}`);
}

/** Registers the stand-in as an adopted cluster, unless one of that name exists from a previous run. */
async function adoptStandin(admin: TestClient, mesosUrls: string[], marathonUrls: string[]): Promise<void> {
  const list = await admin.call("GET", "/api/v1/clusters");
  await expectOk("list clusters", list);
  const existing = (list.body.clusters as { id: string; name: string }[]).find((c) => c.name === "demo-standin");
  const body = { mesosMasters: mesosUrls, marathon: marathonUrls };
  const res = existing
    ? await admin.call("PATCH", `/api/v1/clusters/${existing.id}`, { body })
    : await admin.call("POST", "/api/v1/clusters", { body: { name: "demo-standin", ...body } });
  await expectOk("register the stand-in cluster", res);
}

/** Three test hosts (aarch64 master+agent, aarch64 agent, x86_64 agent) enrolled and brought up. */
async function provision(admin: TestClient): Promise<ClusterHost[]> {
  const hosts = await startCluster([
    { arch: "aarch64", hostname: "demo-arm-1" },
    { arch: "aarch64", hostname: "demo-arm-2" },
    { arch: "x86_64", hostname: "demo-x86-1" },
  ]);
  const nodes = await admin.call("GET", "/api/v1/nodes");
  await expectOk("list nodes", nodes);
  for (const n of nodes.body.nodes as { id: string; name: string }[]) {
    // Hosts from an earlier demo run are gone (new addresses, new keys): enrol them afresh.
    if (n.name.startsWith("demo-")) await expectOk(`remove old ${n.name}`, await admin.call("DELETE", `/api/v1/nodes/${n.id}`));
  }
  await enrolHosts(admin, hosts);
  const run = await admin.call("POST", "/api/v1/plan-runs", { body: { plan: "bring-up", confirm: true } });
  await expectOk("start Bring up cluster", run);
  say(`bringing the provisioned cluster up: ${base}/runs/${run.body.id}`);
  void reportWhenUp(admin, run.body.id).catch((e) => say(`status report after bring-up: ${e instanceof Error ? e.message : e}`));
  return hosts;
}

/** After the bring-up, a Status run, so the cluster's home shows ZooKeeper and Weave too (they are checked over SSH). */
async function reportWhenUp(admin: TestClient, runId: string): Promise<void> {
  for (;;) {
    const res = await admin.call("GET", `/api/v1/plan-runs/${runId}`);
    await expectOk("follow Bring up cluster", res);
    const status = res.body.run.status as string;
    if (status === "queued" || status === "running") {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    if (status !== "succeeded") return say(`Bring up cluster ended ${status}: ${base}/runs/${runId}`);
    await expectOk("start a Status run", await admin.call("POST", "/api/v1/plan-runs", { body: { plan: "status" } }));
    return say("the provisioned cluster is up; a Status run reports its services");
  }
}

async function main(): Promise<void> {
  migrate();
  const standin = await startStandin({ host: "127.0.0.1", agents: 50, apps: 300, seed: 1 });
  say(`stand-in Mesos master ${standin.mesosUrls.join(", ")}, Marathon ${standin.marathonUrls.join(", ")}, control ${standin.controlUrl}`);
  const stopDashboard = await startDashboard();
  let hosts: ClusterHost[] = [];
  const shutdown = async () => {
    stopDashboard();
    await Promise.allSettled([standin.stop(), stopAllClusterHosts()]);
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());

  const admin = new TestClient(base);
  await expectOk("sign in", await admin.login("admin", adminPassword));
  await adoptStandin(admin, standin.mesosUrls, standin.marathonUrls);
  if (process.getuid?.() === 0) {
    // The test hosts are Debian's sshd and ZooKeeper with the runbook's tools stood in for.
    execFileSync("bash", [path.join(ROOT, "e2e", "install-test-deps.sh")], { stdio: "inherit" });
    hosts = await provision(admin);
  } else {
    say("the provisioned cluster needs root (it starts sshd test hosts in their own namespaces): skipped");
  }
  console.log(`\nArmdeck demo: ${base}\n  sign in as admin / ${adminPassword}\n  clusters: ${base}/clusters (API: GET ${base}/api/v1/clusters)\n  ${hosts.length ? `${hosts.length} test hosts on loopback, ` : ""}Ctrl-C stops everything.\n`);
}

main().catch(async (error) => {
  console.error(`[demo] ${error instanceof Error ? error.message : error}`);
  await stopAllClusterHosts().catch(() => undefined);
  process.exit(1);
});
