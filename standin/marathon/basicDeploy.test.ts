import { afterEach, describe, expect, it } from "vitest";
import Ajv from "ajv";
import type { Standin } from "../server";
import { derivedBlocks, fixtureJson, shapeMismatches } from "../testing/shape";
import { jsonHeaders, startRunbookCluster } from "../testing/runbookCluster";
import basic from "../fixtures/basic.json" with { type: "json" };

let s: (Standin & { clock: import("../clock").ManualClock }) | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

const call = async (method: string, url: string, body?: unknown) => {
  const r = await fetch(url, { method, headers: jsonHeaders, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, headers: r.headers, json: text ? JSON.parse(text) : undefined };
};

describe("Marathon 1.5.1 stand-in: the runbook's basic.json", () => {
  it("plans the audit's 3 steps, runs them in order and ends with 4 running tasks, one of each app per node", async () => {
    s = await startRunbookCluster();
    const m = s.marathonUrls[0]!;
    const dry = await call("PUT", `${m}/v2/groups/arm-demo?dryRun=true`, basic);
    const derivedPlan = JSON.parse(derivedBlocks()[0]!);
    // Step 1's two actions are unordered in Marathon (a Map), so compare it as a set.
    const sortActions = (p: { steps: { actions: { app: string }[] }[] }) => p.steps.map((st) => [...st.actions].sort((a, b) => a.app.localeCompare(b.app)));
    expect(sortActions(dry.json)).toEqual(sortActions(derivedPlan));

    const created = await call("POST", `${m}/v2/groups`, basic);
    expect(created.status).toBe(201);
    expect(Object.keys(created.json)).toEqual(["version", "deploymentId"]);
    expect(created.headers.get("marathon-deployment-id")).toBe(created.json.deploymentId);
    // 1.5.1: the plan is listed only once its first step started (MARATHON-8566).
    expect((await call("GET", `${m}/v2/deployments`)).json).toEqual([]);

    const seenSteps: number[] = [];
    for (let t = 0; t < 80; t++) {
      s.clock.advance(250);
      const list = (await call("GET", `${m}/v2/deployments`)).json;
      if (list[0] && seenSteps.at(-1) !== list[0].currentStep) seenSteps.push(list[0].currentStep);
      if (!list[0] && seenSteps.length) break;
      if (list[0]) {
        expect(list[0].totalSteps).toBe(3);
        expect(shapeMismatches(list[0], JSON.parse(derivedBlocks()[3]!)[0])).toEqual([]);
      }
    }
    expect(seenSteps).toEqual([2, 3]);

    const tasks = (await call("GET", `${m}/v2/tasks`)).json.tasks;
    expect(tasks).toHaveLength(4);
    expect(tasks.every((t: { state: string }) => t.state === "TASK_RUNNING")).toBe(true);
    for (const app of ["/arm-demo/group1/ubuntu1", "/arm-demo/group2/ubuntu2"]) {
      expect(new Set(tasks.filter((t: { appId: string }) => t.appId === app).map((t: { host: string }) => t.host))).toEqual(new Set(["od1000-0", "od1000-1"]));
    }
    // group2's tasks started only after group1's ran.
    const started = (app: string) => tasks.filter((t: { appId: string }) => t.appId === app).map((t: { startedAt: string }) => t.startedAt);
    expect(Math.max(...started("/arm-demo/group1/ubuntu1").map(Date.parse))).toBeLessThan(Math.min(...started("/arm-demo/group2/ubuntu2").map(Date.parse)));
    for (const t of tasks) expect(shapeMismatches(t, fixtureJson("reference/tasks.head.json").tasks[0], { optional: [".region", ".zone", ".role", ".healthCheckResults"] })).toEqual([]);

    // Event order on Mesos 1.4: Created → TASK_RUNNING → Running, no STAGING/STARTING status events (audit §1.8).
    const events = s.marathon.bus.recent.filter((e) => e.eventType !== "event_stream_attached");
    const names = events.map((e) => (e.eventType === "instance_changed_event" ? `instance:${e.condition}` : e.eventType === "status_update_event" ? `status:${e.taskStatus}` : e.eventType));
    expect(names.filter((n) => n.startsWith("status:"))).toEqual(["status:TASK_RUNNING", "status:TASK_RUNNING", "status:TASK_RUNNING", "status:TASK_RUNNING"]);
    expect(names.filter((n) => n.startsWith("deployment"))).toEqual(["deployment_info", "deployment_step_success", "deployment_info", "deployment_step_success", "deployment_info", "deployment_step_success", "deployment_success"]);
    const status = events.find((e) => e.eventType === "status_update_event")!;
    expect(status.taskId).not.toBe(events.find((e) => e.eventType === "instance_changed_event")!.instanceId);
  });

  it("a second POST is 409, an unchanged PUT is a 0-step deployment that is never listed", async () => {
    s = await startRunbookCluster();
    const m = s.marathonUrls[0]!;
    await call("POST", `${m}/v2/groups`, basic);
    s.clock.advance(20_000);
    const again = await call("POST", `${m}/v2/groups`, basic);
    expect(again.status).toBe(409);
    expect(again.json).toEqual(JSON.parse(derivedBlocks()[1]!));

    const put = await call("PUT", `${m}/v2/groups/arm-demo`, basic);
    expect(put.status).toBe(200);
    expect((await call("GET", `${m}/v2/deployments`)).json).toEqual([]);
    s.clock.advance(0);
    expect(s.marathon.bus.recent.some((e) => e.eventType === "deployment_success" && e.id === put.json.deploymentId)).toBe(true);
    expect((await call("GET", `${m}/v2/tasks`)).json.tasks).toHaveLength(4);
  });

  it("a changed PUT during a running deployment is 409 app-locked naming the blocking deployment; force supersedes it", async () => {
    s = await startRunbookCluster();
    const m = s.marathonUrls[0]!;
    const first = await call("POST", `${m}/v2/groups`, basic);
    s.clock.advance(0);
    const changed = structuredClone(basic);
    changed.groups[0]!.apps[0]!.instances = 3;
    const locked = await call("PUT", `${m}/v2/groups/arm-demo`, changed);
    expect(locked.status).toBe(409);
    const derived = JSON.parse(derivedBlocks()[2]!);
    expect(locked.json.message).toBe(derived.message);
    expect(locked.json.deployments).toEqual([{ id: first.json.deploymentId }]);
    const forced = await call("PUT", `${m}/v2/groups/arm-demo?force=true`, changed);
    expect(forced.status).toBe(200);
    expect(s.marathon.bus.recent.some((e) => e.eventType === "deployment_failed" && e.id === first.json.deploymentId)).toBe(true);
  });

  it("invalid apps get 422 with Marathon's envelope and paths", async () => {
    s = await startRunbookCluster();
    const m = s.marathonUrls[0]!;
    // MarathonExceptionMapperTest: {"id":123} → path /id, error.expected.jsstring.
    const badId = await call("POST", `${m}/v2/apps`, { id: 123 });
    expect(badId.status).toBe(422);
    expect(badId.json).toEqual({ message: "Invalid JSON", details: [{ path: "/id", errors: ["error.expected.jsstring"] }] });
    const lowCpu = structuredClone(basic);
    lowCpu.groups[0]!.apps[0]!.cpus = 0;
    const r = await call("POST", `${m}/v2/groups`, lowCpu);
    expect(r.status).toBe(422);
    expect(r.json).toEqual({ message: "Invalid JSON", details: [{ path: "/groups(0)/apps(0)/cpus", errors: ["error.min"] }] });
    const notChild = { id: "/x", apps: [{ id: "/y/app", cmd: "sleep 1" }] };
    const nc = await call("POST", `${m}/v2/groups`, notChild);
    expect(nc.json).toEqual({ message: "Object is not valid", details: [{ path: "/apps(0)/id", errors: ["Identifier is not child of /x. Hint: use relative paths."] }] });
    const cyclic = { id: "/c", groups: [{ id: "a", dependencies: ["../b"], apps: [{ id: "x", cmd: "sleep 1" }] }, { id: "b", dependencies: ["../a"], apps: [{ id: "y", cmd: "sleep 1" }] }] };
    const cy = await call("POST", `${m}/v2/groups`, cyclic);
    expect(cy.json).toEqual({ message: "Object is not valid", details: [{ path: "/", errors: ["Dependency graph has cyclic dependencies."] }] });
  });

  it("an app too big for any one agent stays in /v2/queue with the funnelled reasons", async () => {
    s = await startRunbookCluster();
    const m = s.marathonUrls[0]!;
    await call("POST", `${m}/v2/apps`, { id: "/big", cmd: "sleep 1", cpus: 1, mem: 65536, instances: 2 });
    s.clock.advance(5_000);
    const q = (await call("GET", `${m}/v2/queue?embed=lastUnusedOffers`)).json.queue;
    expect(q).toHaveLength(1);
    const derived = JSON.parse(derivedBlocks()[4]!).queue[0];
    expect(shapeMismatches(q[0], derived, { optional: [".lastUsedOfferAt"], skip: [".app"] })).toEqual([]);
    const summary = q[0].processedOffersSummary;
    const last = summary.rejectSummaryLastOffers;
    expect(last.map((r: { reason: string }) => r.reason)).toEqual(derived.processedOffersSummary.rejectSummaryLastOffers.map((r: { reason: string }) => r.reason));
    // Two agents, both declined for memory; nothing passes the memory stage.
    expect(last.find((r: { reason: string }) => r.reason === "InsufficientMemory")).toEqual({ reason: "InsufficientMemory", declined: 2, processed: 2 });
    expect(last.find((r: { reason: string }) => r.reason === "InsufficientDisk").processed).toBe(0);
    expect(q[0].lastUnusedOffers).toHaveLength(2);
    expect(q[0].lastUnusedOffers[0].reason).toEqual(["InsufficientMemory"]);
    expect(q[0].count).toBe(2);
    // Without a deployment finishing, it stays in /v2/deployments at its step.
    expect((await call("GET", `${m}/v2/deployments`)).json[0].currentStep).toBe(2);
  });

  it("replies validate against Marathon 1.5.1's own JSON schema and the canonical app shape", async () => {
    s = await startRunbookCluster();
    const m = s.marathonUrls[0]!;
    await call("POST", `${m}/v2/groups`, basic);
    await call("POST", `${m}/v2/groups`, fixtureJson("reference/sleep-group.json"));
    await call("POST", `${m}/v2/apps`, fixtureJson("reference/docker-http-server.json"));
    s.clock.advance(20_000);
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    // The files are draft-04 style (`id`, a bare `$schema`); give Ajv the same schemas under $id.
    const { $schema: _a, ...appSchema } = fixtureJson("reference/AppDefinition.json");
    const { $schema: _g, id: groupId, ...groupSchema } = fixtureJson("reference/Group.json");
    void _a;
    void _g;
    ajv.addSchema({ ...appSchema, $id: new URL("./AppDefinition.json", groupId).href });
    const validateGroup = ajv.compile({ ...groupSchema, $id: groupId });
    // The 1.5.1 Group schema has no `pods` (GroupInfo adds it), so drop that key before validating.
    const strip = (g: Record<string, unknown>): Record<string, unknown> => {
      const { pods: _p, ...rest } = g;
      void _p;
      return { ...rest, groups: ((rest.groups as Record<string, unknown>[]) ?? []).map(strip) };
    };
    const root = (await call("GET", `${m}/v2/groups`)).json;
    expect(validateGroup(strip(root)), JSON.stringify(validateGroup.errors)).toBe(true);
    const canonical = fixtureJson("reference/155_100.json").apps[0];
    const apps = (await call("GET", `${m}/v2/apps`)).json.apps;
    expect(apps.length).toBeGreaterThanOrEqual(3);
    for (const app of apps) {
      // Fields the canonical sample has that the stand-in's app may lack: user-optional ones.
      expect(shapeMismatches(app, canonical, { optional: [".constraints", ".portDefinitions", ".cmd", ".container"], skip: [".container", ".env"] })).toEqual([]);
      expect(app).not.toHaveProperty("ports");
      expect(app).not.toHaveProperty("uris");
    }
    const docker = apps.find((a: { id: string }) => a.id === "/docker-http-server");
    expect(docker.networks).toEqual([{ mode: "container/bridge" }]);
    expect(docker.container.docker).not.toHaveProperty("network");
  });
});
