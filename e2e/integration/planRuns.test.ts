// Plan runs through the real server and real sshd cluster hosts: a plan that changes nodes needs
// an explicit confirm (Status and dry runs do not), a status run of a half-started cluster is a
// per-node, per-service report of what the stand-ins really answer, and the runs history pages
// and filters on the server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../harness/appServer";
import { startCluster, stopAllClusterHosts, type ClusterHost } from "../harness/clusterHosts";
import { TestClient } from "../harness/httpClient";

let server: AppServer;
let hosts: ClusterHost[];
let admin: TestClient;
const nodeIds: Record<string, string> = {};

// What this test starts: ZooKeeper and the Mesos master on the master; Mesos and Weave installed
// everywhere but no agent or router started; Marathon never built.
const PARTIAL = { plan: "bring-up", components: ["prerequisites", "mesos", "zookeeper", "weave", "zookeeper-service", "mesos-master"] };

async function waitForRun(id: string, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await admin.call("GET", `/api/v1/plan-runs/${id}`);
    expect(res.status).toBe(200);
    if (!["queued", "running"].includes(res.body.run.status)) return res.body;
    if (Date.now() > deadline) throw new Error(`run ${id} still ${res.body.run.status}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  [server, hosts] = await Promise.all([
    startAppServer(),
    startCluster([
      { arch: "x86_64", hostname: "pr-master" },
      { arch: "x86_64", hostname: "pr-agent" },
    ]),
  ]);
  admin = new TestClient(server.url);
  expect((await admin.login("admin", server.adminPassword)).status).toBe(200);
  for (const [i, h] of hosts.entries()) {
    const res = await admin.call("POST", "/api/v1/nodes", {
      body: { name: h.hostname, address: h.address, port: h.port, username: "root", auth: { kind: "key", privateKey: h.root.privateKey }, role: i === 0 ? "both" : "agent", hostKeyFingerprint: await h.hostKeyFingerprint() },
    });
    expect(res.status).toBe(201);
    nodeIds[h.hostname] = res.body.id;
  }
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await stopAllClusterHosts();
});

describe("confirmation", () => {
  it("refuses a plan that changes nodes without confirm: true, saying what would change, and runs nothing", async () => {
    const preview = await admin.call("POST", "/api/v1/plans/preview", { body: PARTIAL });
    expect(preview.status).toBe(200);
    for (const body of [PARTIAL, { ...PARTIAL, confirm: false }, { plan: "stop" }]) {
      const res = await admin.call("POST", "/api/v1/plan-runs", { body });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("confirmation_required");
      for (const h of hosts) expect(res.body.error.message).toContain(`${h.hostname} ${h.address}`);
      expect(res.body.error.message).toContain('"confirm": true');
      expect(res.body.error.wouldChange.nodes.map((n: { name: string }) => n.name).sort()).toEqual(["pr-agent", "pr-master"]);
    }
    const refused = await admin.call("POST", "/api/v1/plan-runs", { body: PARTIAL });
    expect(refused.body.error.message).toContain("Prerequisites");
    expect(refused.body.error.message).not.toContain("Marathon");
    expect(refused.body.error.wouldChange.steps).toBe(preview.body.jobs.length);
    expect(refused.body.error.wouldChange.components.map((c: { id: string }) => c.id)).toEqual(PARTIAL.components);
    // Nothing was written, and nothing ran on the nodes.
    expect((await admin.call("GET", "/api/v1/plan-runs")).body.runs).toEqual([]);
    for (const h of hosts) expect((await h.exec("ls /var/lib/armdeck-shims/dpkg.json 2>/dev/null || true")).stdout.trim()).toBe("");
  });

  it("a bad confirm is a field error", async () => {
    const res = await admin.call("POST", "/api/v1/plan-runs", { body: { ...PARTIAL, confirm: "yes" } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.confirm).toBeTruthy();
  });

  it("Status needs no confirmation; before anything is installed every service is 'not installed'", async () => {
    const res = await admin.call("POST", "/api/v1/plan-runs", { body: { plan: "status" } });
    expect(res.status).toBe(201);
    const { run, report } = await waitForRun(res.body.id);
    expect(run.status).toBe("succeeded");
    expect(report.summary).toEqual({ up: 0, down: 0, not_installed: 7 });
  }, 120_000);

  it("runs with confirm: true", async () => {
    const res = await admin.call("POST", "/api/v1/plan-runs", { body: { ...PARTIAL, confirm: true } });
    expect(res.status).toBe(201);
    const { run, jobs } = await waitForRun(res.body.id);
    expect(run.status, JSON.stringify(jobs.filter((j: { status: string }) => j.status !== "succeeded"))).toBe("succeeded");
  }, 400_000);
});

describe("status is a report", () => {
  let result: { run: { id: string; status: string }; jobs: { status: string; failure: string | null }[]; report: any };

  it("a cluster with some services stopped gives each node's services up, down or not installed in the probe's words", async () => {
    const res = await admin.call("POST", "/api/v1/plan-runs", { body: { plan: "status" } });
    expect(res.status).toBe(201);
    result = await waitForRun(res.body.id, 120_000);
    expect(result.run.status).toBe("succeeded");
    expect(result.jobs.every((j) => j.status === "succeeded" && j.failure === null)).toBe(true);

    const [master, agent] = hosts as [ClusterHost, ClusterHost];
    const states = Object.fromEntries(result.report.nodes.map((n: any) => [n.nodeName, Object.fromEntries(n.services.map((s: any) => [s.component, s.state]))]));
    expect(states).toEqual({
      "pr-master": { "zookeeper-service": "up", "weave-router": "down", "mesos-master": "up", "mesos-agent": "down", "marathon-service": "not_installed" },
      "pr-agent": { "weave-router": "down", "mesos-agent": "down" },
    });
    expect(result.report.summary).toEqual({ up: 2, down: 4, not_installed: 1 });

    const service = (node: string, component: string) => result.report.nodes.find((n: any) => n.nodeName === node).services.find((s: any) => s.component === component);
    // The probe's own words: what it asked, and what answered.
    expect(service("pr-master", "zookeeper-service")).toMatchObject({ target: `ruok on ${master.address}:2181 answers imok`, answer: "imok" });
    expect(service("pr-master", "mesos-master")).toMatchObject({ target: `http://${master.address}:5050/health answers 200`, answer: "HTTP 200" });
    expect(service("pr-agent", "mesos-agent").target).toBe(`http://${agent.address}:5051/health answers 200`);
    expect(service("pr-agent", "mesos-agent").answer).toMatch(/Failed to connect to .*5051/);
    expect(service("pr-master", "marathon-service").answer).toContain("Marathon is not built");
    // Weave's answer is what the weave stand-in itself prints when no router runs.
    const weaveSays = (await agent.exec("weave status 2>&1 || true")).stdout.replace(/\s+/g, " ").trim();
    expect(service("pr-agent", "weave-router").answer).toBe(weaveSays.slice(0, 400).trim());
  }, 180_000);

  it("offers no retry: a report is not a failure", async () => {
    const res = await admin.call("POST", `/api/v1/plan-runs/${result.run.id}/retry`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain("report");
  });
});

describe("runs history", () => {
  it("lists every run newest first, filters by status, kind and node, and pages with a cursor", async () => {
    // One more run, on the agent only, to tell the node filter apart.
    const one = await admin.call("POST", "/api/v1/plan-runs", { body: { plan: "status", nodeIds: [nodeIds["pr-agent"]] } });
    expect(one.status).toBe(201);
    await waitForRun(one.body.id, 120_000);

    const all = await admin.call("GET", "/api/v1/plan-runs");
    expect(all.status).toBe(200);
    // The bring-up's preflight (its gate) is a run of its own, just before it.
    expect(all.body.runs.map((r: any) => r.plan)).toEqual(["status", "status", "bring-up", "preflight", "status"]);
    const times = all.body.runs.map((r: any) => Date.parse(r.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all.body.runs[0]).toMatchObject({ nodes: ["pr-agent"], createdBy: "admin", serviceStates: { up: 0, down: 2, not_installed: 0 } });
    expect(all.body.runs[2].serviceStates).toBeNull();
    expect(all.body.runs[2].components).toEqual(expect.arrayContaining(["mesos", "zookeeper-service"]));
    expect(all.body.runs[2].durationMs).toBeGreaterThan(0);

    expect((await admin.call("GET", "/api/v1/plan-runs?kind=bring-up")).body.runs.map((r: any) => r.id)).toEqual([all.body.runs[2].id]);
    expect((await admin.call("GET", "/api/v1/plan-runs?status=failed")).body.runs).toEqual([]);
    expect((await admin.call("GET", `/api/v1/plan-runs?node=${nodeIds["pr-master"]}`)).body.runs).toHaveLength(4);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await admin.call("GET", `/api/v1/plan-runs?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.body.runs.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.runs.map((r: any) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.runs.map((r: any) => r.id));

    for (const bad of ["status=sideways", "kind=rm", "node=a;b", "cursor=nope", "limit=0"]) {
      const res = await admin.call("GET", `/api/v1/plan-runs?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {})).toContain(bad.split("=")[0]);
    }
  }, 180_000);
});
