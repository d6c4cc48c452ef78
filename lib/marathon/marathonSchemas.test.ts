import { afterEach, describe, expect, it } from "vitest";
import { derivedBlocks, fixtureJson } from "../../standin/testing/shape";
import { startStandin, type Standin } from "../../standin/server";
import basic from "../../standin/fixtures/basic.json" with { type: "json" };
import { appNetworkMode, appPortMappings } from "./appNetworking.ts";
import {
  appsReplySchema,
  deploymentResultSchema,
  deploymentsReplySchema,
  dryRunReplySchema,
  marathonAppSchema,
  marathonGroupSchema,
  marathonInfoSchema,
  marathonTaskSchema,
  queueReplySchema,
  tasksReplySchema,
  type MarathonGroup,
} from "./marathonSchemas.ts";
import { GROUP_PANEL_EMBEDS } from "./marathonClient.ts";

// Marathon's own reply files (copied into standin/fixtures/reference) and the stand-in's replies,
// through the client's schemas. Every expected value is computed from the raw JSON in this file.

type RawApp = { id: string; instances?: number; cpus?: number; tasksRunning?: number };
type RawGroup = { id: string; apps?: RawApp[]; groups?: RawGroup[] };
const rawApps = (g: RawGroup): RawApp[] => [...(g.apps ?? []), ...(g.groups ?? []).flatMap(rawApps)];
const parsedApps = (g: MarathonGroup): NonNullable<MarathonGroup["apps"]> => [...(g.apps ?? []), ...(g.groups ?? []).flatMap(parsedApps)];
const total = (xs: { instances?: number }[]) => xs.reduce((n, a) => n + (a.instances ?? 1), 0);

let s: Standin | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

describe("Marathon schemas against Marathon's reply files", () => {
  it("group.json (root group, nested /tools, legacy app fields): every app id and the instance total", () => {
    const raw = fixtureJson("reference/group.json") as RawGroup;
    const g = marathonGroupSchema.parse(raw);
    expect(parsedApps(g).map((a) => a.id)).toEqual(rawApps(raw).map((a) => a.id));
    expect(total(parsedApps(g))).toBe(total(rawApps(raw)));
    expect(g.groups?.map((x) => x.id)).toEqual(raw.groups?.map((x) => x.id));
  });

  it("155_100.json (a real 1.5+ group of 100 apps): ids, instances and cpus; canonical networks read", () => {
    const raw = fixtureJson("reference/155_100.json");
    const g = marathonGroupSchema.parse(raw);
    const apps = parsedApps(g);
    expect(apps).toHaveLength(raw.apps.length);
    expect(apps.map((a) => a.id)).toEqual(raw.apps.map((a: RawApp) => a.id));
    expect(total(apps)).toBe(total(raw.apps));
    const cpus = (xs: { cpus?: number }[]) => xs.reduce((n, a) => n + (a.cpus ?? 0), 0);
    expect(cpus(apps)).toBeCloseTo(cpus(raw.apps), 9);
    apps.forEach((a, i) => expect(appNetworkMode(a)).toBe(raw.apps[i].networks[0].mode));
  });

  it("app_list.json (GET /v2/apps, 0.13-era): counts, deployments and legacy fields", () => {
    const raw = fixtureJson("reference/app_list.json");
    const r = appsReplySchema.parse(raw);
    expect(r.apps.map((a) => a.id)).toEqual(raw.apps.map((a: RawApp) => a.id));
    expect(r.apps.map((a) => a.tasksRunning)).toEqual(raw.apps.map((a: RawApp) => a.tasksRunning));
    expect(r.apps.flatMap((a) => a.deployments ?? []).map((d) => d.id)).toEqual(raw.apps.flatMap((a: { deployments?: { id: string }[] }) => a.deployments ?? []).map((d: { id: string }) => d.id));
    expect(r.apps.map((a) => a.ports)).toEqual(raw.apps.map((a: { ports?: number[] }) => a.ports));
  });

  it("app.json (the field catalogue) and the runbook's legacy BRIDGE body read the same networking either way", () => {
    const raw = fixtureJson("reference/app.json");
    const app = marathonAppSchema.parse(raw);
    expect(app.id).toBe(raw.id);
    expect(app.instances).toBe(raw.instances);
    const ubuntu1 = marathonAppSchema.parse(basic.groups[0]!.apps[0]);
    expect(appNetworkMode(ubuntu1)).toBe("container/bridge");
    const legacy = fixtureJson("reference/docker-http-server.json");
    const parsed = marathonAppSchema.parse(legacy);
    expect(appPortMappings(parsed).map((p) => p.containerPort)).toEqual(legacy.container.docker.portMappings.map((p: { containerPort: number }) => p.containerPort));
  });

  it("task replies: 1.5.1 (no state, slaveId may be null) and head (state, region, role)", () => {
    for (const f of ["tasks.json", "tasks.head.json", "app_tasks.json", "app_tasks.head.json"]) {
      const raw = fixtureJson(`reference/${f}`);
      const r = tasksReplySchema.parse(raw);
      expect(r.tasks.map((t) => t.id)).toEqual(raw.tasks.map((t: { id: string }) => t.id));
      expect(r.tasks.map((t) => t.host)).toEqual(raw.tasks.map((t: { host: string }) => t.host));
      expect(r.tasks.map((t) => t.state ?? null)).toEqual(raw.tasks.map((t: { state?: string }) => t.state ?? null));
    }
    const one = fixtureJson("reference/app_task.json");
    // `{"task": …}` of DELETE /v2/apps/{id}/tasks/{taskId}; the 1.5.1 doc example holds a list there.
    const items = Array.isArray(one.task) ? one.task : [one.task];
    expect(items.map((t: unknown) => marathonTaskSchema.parse(t).id)).toEqual(items.map((t: { id: string }) => t.id));
  });

  it("deployments (1.5.1 and head), the dryRun steps and the deployment result", () => {
    for (const f of ["deployments.json", "deployments.head.json"]) {
      const raw = fixtureJson(`reference/${f}`);
      const r = deploymentsReplySchema.parse(raw);
      expect(r.map((d) => d.id)).toEqual(raw.map((d: { id: string }) => d.id));
      expect(r.map((d) => [d.currentStep, d.totalSteps, d.steps.length])).toEqual(raw.map((d: { currentStep: number; totalSteps: number; steps: unknown[] }) => [d.currentStep, d.totalSteps, d.steps.length]));
      expect(r.map((d) => d.affectedApps)).toEqual(raw.map((d: { affectedApps: string[] }) => d.affectedApps));
    }
    // The audit's derived list while basic.json runs (section F): 1-based step 2 of 3.
    const derived = JSON.parse(derivedBlocks().find((b) => b.startsWith('[{"id"') && b.includes('"currentStep"'))!);
    const d = deploymentsReplySchema.parse(derived)[0]!;
    expect([d.currentStep, d.totalSteps]).toEqual([derived[0].currentStep, derived[0].totalSteps]);
    expect(d.currentActions.map((a) => a.app)).toEqual(derived[0].currentActions.map((a: { app: string }) => a.app));

    const steps = fixtureJson("reference/deployment_steps.head.json");
    expect(dryRunReplySchema.parse(steps).steps.map((x) => x.actions.length)).toEqual(steps.steps.map((x: { actions: unknown[] }) => x.actions.length));
    const result = fixtureJson("reference/deployments_result.json");
    expect(deploymentResultSchema.parse(result)).toEqual({ deploymentId: result.deploymentId, version: result.version });
  });

  it("queue.json and the audit's stuck-queue body: counts, delay and the funnelled reject reasons", () => {
    const raw = fixtureJson("reference/queue.json");
    const q = queueReplySchema.parse(raw);
    expect(q.queue.map((i) => i.app?.id)).toEqual(raw.queue.map((i: { app: RawApp }) => i.app.id));
    expect(q.queue.reduce((n, i) => n + i.count, 0)).toBe(raw.queue.reduce((n: number, i: { count: number }) => n + i.count, 0));
    const stuck = JSON.parse(derivedBlocks().find((b) => b.includes("rejectSummaryLaunchAttempt"))!);
    const item = queueReplySchema.parse(stuck).queue[0]!;
    const rawSummary = stuck.queue[0].processedOffersSummary;
    expect(item.processedOffersSummary?.rejectSummaryLastOffers).toEqual(rawSummary.rejectSummaryLastOffers);
    expect(item.processedOffersSummary?.rejectSummaryLaunchAttempt).toEqual(rawSummary.rejectSummaryLaunchAttempt);
    expect(item.delay).toEqual(stuck.queue[0].delay);
  });

  it("info.head.json: version, leader, framework and the Mesos master it names", () => {
    const raw = fixtureJson("reference/info.head.json");
    const i = marathonInfoSchema.parse(raw);
    expect([i.version, i.leader, i.elected, i.frameworkId]).toEqual([raw.version, raw.leader, raw.elected, raw.frameworkId]);
    expect(i.marathon_config?.master).toBe(raw.marathon_config.master);
  });
});

describe("Marathon schemas against the stand-in's replies", () => {
  it("a generated cluster's groups, apps, tasks, deployments, queue and info parse; totals from the raw replies", async () => {
    s = await startStandin({ agents: 10, apps: 25, tasks: 60, seed: 5, timing: { allocationIntervalMs: 20 } });
    s.control.addAgent({ hostname: "tiny", cpus: 0.1, mem: 64, disk: 10 });
    const m = s.marathonUrls[0]!;
    const get = async (p: string) => JSON.parse(await (await fetch(`${m}${p}`)).text());
    const embed = GROUP_PANEL_EMBEDS.map((e) => `embed=${e}`).join("&");
    const rawRoot = (await get(`/v2/groups?${embed}`)) as RawGroup;
    const root = marathonGroupSchema.parse(rawRoot);
    expect(parsedApps(root).map((a) => a.id)).toEqual(rawApps(rawRoot).map((a) => a.id));
    expect(parsedApps(root).reduce((n, a) => n + (a.tasksRunning ?? 0), 0)).toBe(rawApps(rawRoot).reduce((n, a) => n + (a.tasksRunning ?? 0), 0));
    expect(total(parsedApps(root))).toBe(total(rawApps(rawRoot)));

    const apps = await get("/v2/apps?embed=apps.counts&embed=apps.lastTaskFailure");
    expect(appsReplySchema.parse(apps).apps).toHaveLength(apps.apps.length);
    const tasks = await get("/v2/tasks");
    expect(tasksReplySchema.parse(tasks).tasks.map((t) => t.id)).toEqual(tasks.tasks.map((t: { id: string }) => t.id));
    expect(marathonInfoSchema.parse(await get("/v2/info")).version).toBe("1.5.1");

    // A deployment that cannot place (no agent has 64 cpus) shows in /v2/deployments and /v2/queue.
    await fetch(`${m}/v2/groups`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ id: "/big", apps: [{ id: "huge", cmd: "sleep 1", cpus: 64, instances: 1 }] }) });
    let queue = await get("/v2/queue?embed=lastUnusedOffers");
    for (let i = 0; i < 200 && !queue.queue[0]?.lastUnusedOffers?.length; i++) {
      await new Promise((r) => setTimeout(r, 20));
      queue = await get("/v2/queue?embed=lastUnusedOffers");
    }
    const deps = await get("/v2/deployments");
    expect(deploymentsReplySchema.parse(deps).map((d) => d.id)).toEqual(deps.map((d: { id: string }) => d.id));
    expect(queue.queue).toHaveLength(1);
    const q = queueReplySchema.parse(queue);
    expect(q.queue.map((i) => i.app?.id)).toEqual(queue.queue.map((i: { app: RawApp }) => i.app.id));
    expect(q.queue[0]?.lastUnusedOffers?.length).toBe(queue.queue[0]?.lastUnusedOffers?.length);
  });
});
