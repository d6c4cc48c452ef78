// The deploy API through the real server against the Mesos + Marathon stand-in (real clock, the
// runbook's two agents): check, deploy, follow, re-deploy, refusals, stuck, 409/422, scale /
// restart / destroy. Expected values come from the references and from what the stand-in itself
// received or holds (its control API), never from Armdeck's own replies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionReplySchema, checkReplySchema, deployErrorSchema, deployReplySchema, followReplySchema } from "../../lib/deploy/deployContract";
import { startStandin, type Standin } from "../../standin/server";
import basic from "../../standin/fixtures/basic.json" with { type: "json" };
import dockerHttpServer from "../../standin/fixtures/reference/docker-http-server.json" with { type: "json" };
import sleepGroup from "../../standin/fixtures/reference/sleep-group.json" with { type: "json" };
import exampleGroup from "../../standin/fixtures/reference/group.json" with { type: "json" };
import { startAppServer, type AppServer } from "../harness/appServer";
import { TestClient } from "../harness/httpClient";

let server: AppServer;
let standin: Standin;
let client: TestClient;
let base: string;

const upstream = async (url: string, init?: RequestInit) => {
  const r = await fetch(url, init);
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : undefined };
};
const received = (appId: string) => upstream(`${standin.controlUrl}/received${appId}`).then((r) => r.json);
const marathonApp = async (appId: string) => (await upstream(`${standin.marathonUrls[0]}/v2/apps${appId}`)).json?.app;
const enc = (id: string) => encodeURIComponent(id);

interface Follow {
  state: string;
  reason: string | null;
  totalSteps: number;
  currentStep: number;
  steps: { state: string; actions: { action: string; app: string }[] }[];
  tasks: { appId: string; state: string; host: string | null }[];
  stuck: { appId: string; summary: string; perAgent: { agent: string; reasons: string[] }[] }[];
}

/** Follows until the state leaves "running"; returns every reply seen. */
async function follow(deploymentId: string, until = (f: Follow) => f.state !== "running", timeoutMs = 30_000): Promise<Follow[]> {
  const seen: Follow[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await client.call<Follow>("GET", `${base}/deployments/${deploymentId}`);
    expect(r.status, r.text).toBe(200);
    // The shape the follow page reads (lib/deploy/deployContract.ts), every time.
    followReplySchema.parse(r.body);
    seen.push(r.body);
    if (until(r.body)) return seen;
    if (Date.now() > deadline) throw new Error(`deployment ${deploymentId} still ${r.body.state}: ${JSON.stringify(r.body)}`);
    await new Promise((res) => setTimeout(res, 250));
  }
}

beforeAll(async () => {
  [server, standin] = await Promise.all([startAppServer(), startStandin({ timing: { allocationIntervalMs: 200, taskRunningAfterMs: 1500, killAfterMs: 100 } })]);
  // The runbook's cluster shape (standin/testing/runbookCluster.ts), on the real clock.
  for (const hostname of ["od1000-1", "od1000-0"]) standin.control.addAgent({ hostname, cpus: 4, mem: 15025, disk: 59040, ports: "[1-65535]", attributes: { arch: "aarch64" } });
  client = new TestClient(server.url);
  expect((await client.login("admin", server.adminPassword)).status).toBe(200);
  const res = await client.call("POST", "/api/v1/clusters", { body: { name: "deploy-api", mesosMasters: standin.mesosUrls, marathon: standin.marathonUrls } });
  expect(res.status, res.text).toBe(201);
  base = `/api/v1/clusters/${res.body.id}`;
});

afterAll(async () => {
  await server?.stop();
  await standin?.stop();
});

describe("the runbook's basic.json", () => {
  // An unknown field at every level: Armdeck must not drop it on the way to Marathon.
  const body = structuredClone(basic) as Record<string, any>;
  body.groups[0].apps[0].armdeckTestUnknown = { nested: ["kept", 1, null] };
  let first: string;

  it("check: ok, explained in the runbook's words, nothing sent to Marathon", async () => {
    const r = await client.call("POST", `${base}/groups/check`, { body });
    expect(r.status, r.text).toBe(200);
    checkReplySchema.parse(r.body);
    expect(r.body).toMatchObject({ ok: true, groupId: "/arm-demo", exists: false, errors: [] });
    // notes §10.4: "1 cpu, 512 MiB, 4000 MiB disk in total, as 0.25/128/1000 per instance".
    expect(r.body.fit.summary).toContain("4 instances need 1 CPU, 512 MB and 4 GB in all; each needs 0.25 CPU, 128 MB and 1 GB on one agent");
    expect(r.body.fit.summary).toContain("agent od1000-0 has 4 CPUs, 15 GB and 59 GB free");
    expect(r.body.fit.checked).toBe(true);
    expect((await upstream(`${standin.marathonUrls[0]}/v2/groups/arm-demo`)).status).toBe(404);
  });

  it("deploy: POST, the stand-in received every field; follow: Marathon's 3 steps in order, then 4 running tasks", async () => {
    const r = await client.call("POST", `${base}/groups`, { body });
    expect(r.status, r.text).toBe(201);
    deployReplySchema.parse(r.body);
    expect(r.body).toMatchObject({ groupId: "/arm-demo", method: "POST" });
    first = r.body.deploymentId;
    expect(await received("/arm-demo/group1/ubuntu1")).toEqual(body.groups[0].apps[0]);
    expect(await received("/arm-demo/group2/ubuntu2")).toEqual(body.groups[1].apps[0]);

    const seen = await follow(first);
    const last = seen.at(-1)!;
    expect(last.state, JSON.stringify(last)).toBe("succeeded");
    // notes §4 / audit §1.1: (1) StartApplication both, (2) Scale ubuntu1, (3) Scale ubuntu2.
    const actions = last.steps.map((s) => s.actions.map((a) => `${a.action} ${a.app}`).sort());
    expect(actions).toEqual([
      ["StartApplication /arm-demo/group1/ubuntu1", "StartApplication /arm-demo/group2/ubuntu2"],
      ["ScaleApplication /arm-demo/group1/ubuntu1"],
      ["ScaleApplication /arm-demo/group2/ubuntu2"],
    ]);
    expect(last.totalSteps).toBe(3);
    const running = seen.filter((f) => f.state === "running" && f.totalSteps > 0).map((f) => f.currentStep);
    expect(running.length).toBeGreaterThan(0);
    expect(running).toEqual([...running].sort((a, b) => a - b));
    const tasks = (await upstream(`${standin.marathonUrls[0]}/v2/tasks`)).json.tasks;
    expect(tasks.filter((t: { state: string }) => t.state === "TASK_RUNNING")).toHaveLength(4);
    expect(last.tasks.filter((t) => t.state === "TASK_RUNNING")).toHaveLength(4);
    expect(new Set(last.tasks.map((t) => t.host))).toEqual(new Set(tasks.map((t: { host: string }) => t.host)));
  });

  it("a second deploy of the same body goes through PUT, a 0-step plan, and succeeds", async () => {
    const check = await client.call("POST", `${base}/groups/check`, { body });
    expect(check.body).toMatchObject({ ok: true, exists: true });
    const r = await client.call("POST", `${base}/groups`, { body });
    expect(r.status, r.text).toBe(201);
    expect(r.body.method).toBe("PUT");
    expect(r.body.deploymentId).not.toBe(first);
    const last = (await follow(r.body.deploymentId)).at(-1)!;
    expect(last).toMatchObject({ state: "succeeded", totalSteps: 0 });
    expect(last.tasks.filter((t) => t.state === "TASK_RUNNING")).toHaveLength(4);
  });
});

describe("a deployment that ends before any poll", () => {
  it("still shows Marathon's plan: StartApplication, then ScaleApplication, for a new app of 0 instances", async () => {
    const r = await client.call("POST", `${base}/groups`, { body: { id: "/quick", apps: [{ id: "idle", cmd: "sleep 1000", instances: 0, cpus: 0.1, mem: 32 }] } });
    expect(r.status, r.text).toBe(201);
    const last = (await follow(r.body.deploymentId)).at(-1)!;
    expect(last.state).toBe("succeeded");
    // DeploymentPlan.scala@v1.5.1 (audit samples/source-excerpts.txt): a new app starts at 0, then
    // "If this runSpec is new, scale to the target number of instances" in its layer, even to 0.
    expect(last.steps.map((s) => s.actions.map((a) => `${a.action} ${a.app}`))).toEqual([["StartApplication /quick/idle"], ["ScaleApplication /quick/idle"]]);
  });
});

describe("refusals before anything is sent", () => {
  it("an app too big for any agent: 422 check_failed with the field's path", async () => {
    const body = { id: "/too-big", apps: [{ id: "huge", cmd: "sleep 1000", cpus: 0.5, mem: 64000 }] };
    const r = await client.call("POST", `${base}/groups`, { body });
    expect(r.status, r.text).toBe(422);
    deployErrorSchema.parse(r.body);
    expect(r.body.error.code).toBe("check_failed");
    expect(r.body.error.check.errors[0].path).toBe("/apps/0/mem");
    expect(r.body.error.check.errors[0].message).toContain("no agent has 64 GB of free memory");
    expect((await upstream(`${standin.marathonUrls[0]}/v2/groups/too-big`)).status).toBe(404);
  });

  it("fits the totals but no single agent: refused with that explanation", async () => {
    const body = { id: "/too-wide", apps: [{ id: "wide", cmd: "sleep 1000", cpus: 5, mem: 128 }] };
    const r = await client.call("POST", `${base}/groups`, { body });
    expect(r.status, r.text).toBe(422);
    const { check } = r.body.error;
    expect(check.fit.need.cpus).toBeLessThan(check.fit.free.cpus);
    expect(check.errors[0]).toMatchObject({ path: "/apps/0/cpus" });
    expect(check.errors[0].message).toContain("each instance must fit on one agent");
    expect((await upstream(`${standin.marathonUrls[0]}/v2/groups/too-wide`)).status).toBe(404);
  });

  it("hostile ids, env and parameters: refused with a field error, or passed to Marathon as data", async () => {
    const bad = await client.call("POST", `${base}/groups/check`, { body: { id: "/x;rm -rf /", apps: [{ id: "$(id)", cmd: "sleep 1" }] } });
    expect(bad.status).toBe(200);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["/id", "/apps/0/id"]));
    const data = { APOS: "it's", SUB: "$(reboot)", JSON: '{"a":"\\"}', NL: "a\nb" };
    const body = { id: "/hostile", apps: [{ id: "data", cmd: "echo \"$HOME\"; `id` && echo '}' ", cpus: 0.1, mem: 32, env: data, container: { type: "DOCKER", docker: { image: "busybox", network: "BRIDGE", parameters: [{ key: "label", value: "x=$(id);'\"}" }] } } }] };
    const r = await client.call("POST", `${base}/groups`, { body });
    expect(r.status, r.text).toBe(201);
    expect(await received("/hostile/data")).toEqual(body.apps[0]);
    // A hostile id in the URL is refused before anything reaches Marathon.
    const scale = await client.call("POST", `${base}/apps/${enc("/hostile/../../v2/leader")}/scale`, { body: { instances: 0 } });
    expect(scale.status).toBe(400);
    expect(scale.body.error.fields.appId).toBeDefined();
    // A scale of an app that does not exist is a 404, and never creates one (PUT /v2/apps would).
    expect((await client.call("POST", `${base}/apps/${enc("/hostile/nope")}/scale`, { body: { instances: 1 } })).status).toBe(404);
    expect((await upstream(`${standin.marathonUrls[0]}/v2/apps/hostile/nope`)).status).toBe(404);
  });
});

describe("deploying what cannot be placed, and Marathon's own refusals", () => {
  let stuckId: string;

  it("skipFit deploys an unplaceable app; follow says stuck with the queue's reason", async () => {
    const body = { id: "/unplaceable", apps: [{ id: "giant", cmd: "sleep 1000", cpus: 0.1, mem: 64000 }] };
    expect((await client.call("POST", `${base}/groups`, { body })).status).toBe(422);
    const r = await client.call("POST", `${base}/groups?skipFit=true`, { body });
    expect(r.status, r.text).toBe(201);
    stuckId = r.body.deploymentId;
    const last = (await follow(stuckId, (f) => f.state === "stuck" && (f.stuck[0]?.perAgent.length ?? 0) > 0)).at(-1)!;
    // The stand-in's queue names memory as what every offer failed on.
    const queue = (await upstream(`${standin.marathonUrls[0]}/v2/queue?embed=lastUnusedOffers`)).json.queue;
    const item = queue.find((q: { app: { id: string } }) => q.app.id === "/unplaceable/giant");
    expect(item.lastUnusedOffers.every((o: { reason: string[] }) => o.reason.includes("InsufficientMemory"))).toBe(true);
    expect(last.stuck[0]!.appId).toBe("/unplaceable/giant");
    expect(last.stuck[0]!.summary).toMatch(/free memory/);
    expect(last.stuck[0]!.perAgent.map((a) => a.agent).sort()).toEqual(item.lastUnusedOffers.map((o: { offer: { hostname: string } }) => o.offer.hostname).sort());
    expect(last.stuck[0]!.perAgent[0]!.reasons.some((x) => /memory/.test(x))).toBe(true);
  });

  it("409: deploying a group whose app a running deployment holds is marathon_conflict naming that deployment", async () => {
    const body = { id: "/unplaceable", apps: [{ id: "giant", cmd: "sleep 2000", cpus: 0.1, mem: 64000 }] };
    const r = await client.call("POST", `${base}/groups?skipFit=true`, { body });
    expect(r.status, r.text).toBe(409);
    deployErrorSchema.parse(r.body);
    expect(r.body.error).toMatchObject({ code: "marathon_conflict", deployments: [stuckId], upstream: { status: 409 } });
    expect(r.body.error.message).toContain("force=true");
    // Nothing changed: the stand-in still holds the first definition.
    expect((await received("/unplaceable/giant")).cmd).toBe("sleep 1000");
  });

  it("409: scaling an app a running deployment holds is marathon_conflict naming the deployment; force=true goes through", async () => {
    const r = await client.call("POST", `${base}/apps/${enc("/unplaceable/giant")}/scale`, { body: { instances: 0 } });
    expect(r.status, r.text).toBe(409);
    expect(r.body.error.code).toBe("marathon_conflict");
    expect(r.body.error.deployments).toEqual([stuckId]);
    const forced = await client.call("POST", `${base}/apps/${enc("/unplaceable/giant")}/scale?force=true`, { body: { instances: 0 } });
    expect(forced.status, forced.text).toBe(200);
    actionReplySchema.parse(forced.body);
    expect(forced.body).toMatchObject({ action: "scale", target: "/unplaceable/giant" });
    expect((await follow(forced.body.deploymentId)).at(-1)!.state).toBe("succeeded");
    expect((await marathonApp("/unplaceable/giant")).instances).toBe(0);
    // The forced deployment replaced the stuck one before its app reached its target.
    expect((await follow(stuckId, (f) => f.state !== "running" && f.state !== "stuck")).at(-1)!.state).toBe("failed");
  });

  it("422 from Marathon: marathon_invalid with Marathon's path as a pointer", async () => {
    const body = { id: "/invalid", apps: [{ id: "a", cmd: "sleep 1000", cpus: 0.1, mem: 32, backoffFactor: 0.5 }] };
    const r = await client.call("POST", `${base}/groups`, { body });
    expect(r.status, r.text).toBe(422);
    deployErrorSchema.parse(r.body);
    expect(r.body.error.code).toBe("marathon_invalid");
    expect(r.body.error.upstream.status).toBe(422);
    expect(r.body.error.issues.map((i: { path: string }) => i.path)).toContain("/apps/0/backoffFactor");
  });
});

describe("rolling back and stopping a deployment", () => {
  const unplaceable = (id: string) => ({ id, apps: [{ id: "giant", cmd: "sleep 1000", cpus: 0.1, mem: 64000 }] });
  const stuck = async (groupId: string) => {
    const r = await client.call("POST", `${base}/groups?skipFit=true`, { body: unplaceable(groupId) });
    expect(r.status, r.text).toBe(201);
    await follow(r.body.deploymentId, (f) => f.state === "stuck");
    return r.body.deploymentId as string;
  };

  it("DELETE rolls back: a new deployment to follow, the first one says rolled_back, the new app is gone again", async () => {
    const id = await stuck("/rollback-me");
    const r = await client.call("DELETE", `${base}/deployments/${id}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ action: "rollback", target: id });
    expect(r.body.deploymentId).toEqual(expect.any(String));
    expect((await follow(id)).at(-1)!.state).toBe("rolled_back");
    expect((await follow(r.body.deploymentId)).at(-1)!.state).toBe("succeeded");
    expect((await upstream(`${standin.marathonUrls[0]}/v2/apps/rollback-me/giant`)).status).toBe(404);
  });

  it("DELETE ?force=true stops it as it is: nothing new to follow, the deployment failed, its app stays", async () => {
    const id = await stuck("/stop-me");
    const r = await client.call("DELETE", `${base}/deployments/${id}?force=true`);
    expect(r.status, r.text).toBe(200);
    actionReplySchema.parse(r.body);
    expect(r.body).toMatchObject({ action: "stop", target: id, deploymentId: null });
    const last = (await follow(id)).at(-1)!;
    expect(last.state).toBe("failed");
    expect(last.reason).toMatch(/without rollback/);
    expect((await upstream(`${standin.marathonUrls[0]}/v2/deployments`)).json.map((d: { id: string }) => d.id)).not.toContain(id);
    expect((await marathonApp("/stop-me/giant")).instances).toBe(1);
    expect((await client.call("DELETE", `${base}/groups/${enc("/stop-me")}?force=true`)).status).toBe(200);
  });

  it("a deployment id that is not one is refused before anything is sent", async () => {
    const r = await client.call("DELETE", `${base}/deployments/${enc("x;y/../../v2/leader")}`);
    expect(r.status).toBe(400);
  });
});

describe("operating apps", () => {
  it("scale, restart and destroy change what the stand-in holds", async () => {
    const scaled = await client.call("POST", `${base}/apps/${enc("/arm-demo/group1/ubuntu1")}/scale`, { body: { instances: 1 } });
    expect(scaled.status, scaled.text).toBe(200);
    expect((await follow(scaled.body.deploymentId)).at(-1)!.state).toBe("succeeded");
    const app = await marathonApp("/arm-demo/group1/ubuntu1");
    expect(app.instances).toBe(1);
    expect(app.tasksRunning).toBe(1);

    const before = (await marathonApp("/arm-demo/group2/ubuntu2")).tasks.map((t: { id: string }) => t.id).sort();
    const restarted = await client.call("POST", `${base}/apps/${enc("/arm-demo/group2/ubuntu2")}/restart`);
    expect(restarted.status, restarted.text).toBe(200);
    expect((await follow(restarted.body.deploymentId)).at(-1)!.state).toBe("succeeded");
    const after = (await marathonApp("/arm-demo/group2/ubuntu2")).tasks.map((t: { id: string }) => t.id).sort();
    expect(after).toHaveLength(2);
    expect(after.some((id: string) => before.includes(id))).toBe(false);

    const destroyed = await client.call("DELETE", `${base}/apps/${enc("/arm-demo/group1/ubuntu1")}`);
    expect(destroyed.status, destroyed.text).toBe(200);
    expect((await follow(destroyed.body.deploymentId)).at(-1)!.state).toBe("succeeded");
    expect((await upstream(`${standin.marathonUrls[0]}/v2/apps/arm-demo/group1/ubuntu1`)).status).toBe(404);

    const group = await client.call("DELETE", `${base}/groups/${enc("/arm-demo")}`);
    expect(group.status, group.text).toBe(200);
    expect((await follow(group.body.deploymentId)).at(-1)!.state).toBe("succeeded");
    expect((await upstream(`${standin.marathonUrls[0]}/v2/groups/arm-demo`)).status).toBe(404);
  });

  it("a viewer may check but not deploy, scale or destroy; a deployment neither side knows is a 404; writes are audited", async () => {
    const username = "deploy-viewer";
    expect((await client.call("POST", "/api/v1/users", { body: { username, password: "viewer-password-123", role: "viewer" } })).status).toBe(201);
    const viewer = new TestClient(server.url);
    expect((await viewer.login(username, "viewer-password-123")).status).toBe(200);
    expect((await viewer.call("POST", `${base}/groups/check`, { body: basic })).status).toBe(200);
    expect((await viewer.call("POST", `${base}/groups`, { body: { id: "/viewer-group", apps: [{ id: "a", cmd: "sleep 1000", cpus: 0.1, mem: 32 }] } })).status).toBe(403);
    expect((await viewer.call("POST", `${base}/apps/${enc("/hostile/data")}/scale`, { body: { instances: 0 } })).status).toBe(403);
    expect((await viewer.call("DELETE", `${base}/groups/${enc("/hostile")}`)).status).toBe(403);
    expect((await upstream(`${standin.marathonUrls[0]}/v2/groups/viewer-group`)).status).toBe(404);
    // A cookie write without the CSRF header is refused like every other.
    expect((await client.call("DELETE", `${base}/groups/${enc("/hostile")}`, { csrf: false })).status).toBe(403);
    expect((await upstream(`${standin.marathonUrls[0]}/v2/groups/hostile`)).status).toBe(200);
    expect((await client.call("GET", `${base}/deployments/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
    const audit = await client.call("GET", "/api/v1/audit?action=marathon.scale");
    expect(audit.status, audit.text).toBe(200);
    expect(JSON.stringify(audit.body)).toContain("/arm-demo/group1/ubuntu1");
  });
});

describe("Marathon's own app definitions (marathon/requests/, examples-v1.5.1/)", () => {
  it("examples-v1.5.1/group.json's /tools apps: the one that fits passes and reaches the stand-in intact; 5 × UNIQUE on 2 agents is refused", async () => {
    const [oauth, second] = exampleGroup.groups[0]!.apps as Record<string, unknown>[];
    const fits = { id: "/tools", apps: [oauth] };
    const check = await client.call("POST", `${base}/groups/check`, { body: fits });
    expect(check.body.errors, JSON.stringify(check.body)).toEqual([]);
    expect((await client.call("POST", `${base}/groups`, { body: fits })).status).toBe(201);
    expect(await received(oauth!.id as string)).toEqual(oauth);
    const refused = await client.call("POST", `${base}/groups/check`, { body: { id: "/tools", apps: [oauth, second] } });
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: "/apps/1/constraints", message: expect.stringContaining("hostname:UNIQUE, but only 2 agents") })]);
  });

  it("docker-http-server pasted into a group, and sleep-group, pass the check and reach the stand-in intact", async () => {
    const app = { ...dockerHttpServer, id: "docker-http-server" };
    const wrapped = { id: "/ref", apps: [app] };
    for (const body of [wrapped, sleepGroup]) {
      const check = await client.call("POST", `${base}/groups/check`, { body });
      expect(check.body.errors, JSON.stringify(check.body)).toEqual([]);
      const r = await client.call("POST", `${base}/groups`, { body });
      expect(r.status, r.text).toBe(201);
    }
    expect(await received("/ref/docker-http-server")).toEqual(app);
    expect(await received("/sleep-group/sleep/goodnight-1")).toEqual(sleepGroup.groups[0]!.apps[0]);
  });
});

// Last: after an outage the poller backs off (5, 10, 20 s…) and the check does not add load, so the
// fit stays unchecked for a while after Mesos is back.
describe("an upstream that is down is a clear state, never a 500", () => {
  it("Mesos refusing: the check answers with fit.checked=false and a warning; Marathon refusing: a deploy is a 502 in words", async () => {
    await standin.control.setMesosMaster(0, { mode: "refuse" });
    try {
      // The poller's cache of the agents is good for 5 s; past that the check refreshes once, and fails.
      await new Promise((r) => setTimeout(r, 5_500));
      const r = await client.call("POST", `${base}/groups/check`, { body: basic });
      expect(r.status, r.text).toBe(200);
      expect(r.body.fit.checked).toBe(false);
      expect(r.body.warnings.map((w: { message: string }) => w.message).join(" ")).toMatch(/not checked.*Mesos/);
    } finally {
      await standin.control.setMesosMaster(0, { mode: "up" });
    }
    await standin.control.setMarathon(0, { mode: "refuse" });
    try {
      const r = await client.call("POST", `${base}/groups?skipFit=true`, { body: { id: "/while-down", apps: [{ id: "a", cmd: "sleep 1000", cpus: 0.1, mem: 32 }] } });
      expect(r.status, r.text).toBe(502);
      expect(r.body.error.code).toBe("upstream_refused");
      expect(r.body.error.message).toMatch(/Marathon/);
    } finally {
      await standin.control.setMarathon(0, { mode: "up" });
    }
  });
});
