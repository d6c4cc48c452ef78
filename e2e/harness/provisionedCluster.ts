import { startAppServer, type AppServer } from "./appServer";
import { startCluster, stopAllClusterHosts, type ClusterHost, type ClusterHostSpec } from "./clusterHosts";
import { enrolHosts, type NodeRole } from "./enrolHosts";
import { TestClient } from "./httpClient";

// Helpers for integration and browser tests on a provisioned cluster of test hosts: start the server and
// the hosts, enrolled as the first cluster's nodes; run a plan through the API and wait for it; poll a
// panel route until the poller's cache shows what a test waits for.

export interface ProvisionedCluster {
  server: AppServer;
  hosts: ClusterHost[];
  /** Signed in as the server's admin. */
  admin: TestClient;
  /** The first host is the master: where its Mesos master and Marathon listen once brought up. */
  mesosUrl: string;
  marathonUrl: string;
  stop(): Promise<void>;
}

/** `roles` per host, in order; default: the first master and agent, the others agents. */
export async function startProvisionedCluster(specs: ClusterHostSpec[], roles?: NodeRole[]): Promise<ProvisionedCluster> {
  const [server, hosts] = await Promise.all([startAppServer(), startCluster(specs)]);
  const admin = new TestClient(server.url);
  const login = await admin.login("admin", server.adminPassword);
  if (login.status !== 200) throw new Error(`admin login: HTTP ${login.status}`);
  await enrolHosts(admin, hosts, undefined, roles);
  const master = hosts[0]!.address;
  return {
    server,
    hosts,
    admin,
    mesosUrl: `http://${master}:5050`,
    marathonUrl: `http://${master}:8080`,
    async stop() {
      await server.stop();
      await stopAllClusterHosts();
    },
  };
}

export async function runPlan(admin: TestClient, plan: "bring-up" | "status", timeoutMs = 400_000) {
  const started = await admin.call("POST", "/api/v1/plan-runs", { body: { plan, confirm: true } });
  if (started.status !== 201) throw new Error(`starting ${plan}: HTTP ${started.status} ${started.text.slice(0, 600)}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await admin.call("GET", `/api/v1/plan-runs/${started.body.id}`);
    if (!["queued", "running"].includes(res.body.run.status)) return res.body;
    if (Date.now() > deadline) throw new Error(`${plan} still ${res.body.run.status}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Polls `/api/v1/clusters/<clusterId><path>` until `done` holds (the poller fills its cache in the background). */
export async function pollPanel(admin: TestClient, path: string, done: (body: any) => boolean, timeoutMs = 30_000, clusterId = 1): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  let last: { status: number; text: string } | undefined;
  while (Date.now() < deadline) {
    const res = await admin.call("GET", `/api/v1/clusters/${clusterId}${path}`);
    last = res;
    if (res.status === 200 && done(res.body)) return res.body;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${path} never matched; last reply ${last?.status} ${last?.text.slice(0, 600)}`);
}
