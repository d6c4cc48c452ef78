import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { deploymentsReplySchema, marathonGroupSchema, queueReplySchema } from "../marathon/marathonSchemas.ts";
import basic from "../../standin/fixtures/basic.json" with { type: "json" };
import type { ManualClock } from "../../standin/clock.ts";
import type { Standin } from "../../standin/server.ts";
import { startRunbookCluster } from "../../standin/testing/runbookCluster.ts";
import { deploymentsView } from "./deploymentsView.ts";
import { groupsView, type GroupView } from "./groupsView.ts";
import { queueView } from "./queueView.ts";
import { marathonDeployments, marathonGroups, marathonQueue, mesosState, postApp, type RawGroup } from "./testing/standinReplies.ts";

const fixture = (name: string) => JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../standin/fixtures/reference", name), "utf8"));

let s: (Standin & { clock: ManualClock }) | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

async function tick(clock: ManualClock, ms: number) {
  for (let t = 0; t < ms; t += 250) {
    clock.advance(250);
    await new Promise((r) => setImmediate(r));
  }
}

function appsOf(g: GroupView): GroupView["apps"] {
  return [...g.apps, ...g.groups.flatMap(appsOf)];
}
function rawAppsOf(g: RawGroup): RawGroup["apps"] {
  return [...(g.apps ?? []), ...(g.groups ?? []).flatMap(rawAppsOf)];
}

describe("groups view", () => {
  it("Marathon 1.5.1's example group: the tree and its apps, counts computed from the tasks when not embedded", () => {
    const raw = fixture("group.json");
    const view = groupsView(marathonGroupSchema.parse(raw));
    expect(view.groups.map((g) => g.id)).toEqual(raw.groups.map((g: { id: string }) => g.id).sort());
    const rawApps = rawAppsOf(raw);
    expect(appsOf(view).map((a) => a.id).sort()).toEqual(rawApps.map((a) => a.id).sort());
    for (const a of rawApps) {
      const v = appsOf(view).find((x) => x.id === a.id)!;
      expect(v).toMatchObject({ instances: a.instances, cpus: a.cpus, memMb: a.mem });
      expect(v.running).toBe(a.tasksRunning ?? (a.tasks ?? []).length);
    }
  });

  it("basic.json deployed on the runbook cluster: groups → apps → tasks with Marathon's counts, and a deployment at its current step", async () => {
    s = await startRunbookCluster();
    const m = s.marathonUrls[0]!;
    await fetch(`${m}/v2/groups`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(basic) });
    // Until the first step runs, 1.5.1 does not list the plan (audit §1.2).
    let deployments = await marathonDeployments(m);
    for (let i = 0; i < 40 && deployments.raw.length === 0; i++) {
      await tick(s.clock, 250);
      deployments = await marathonDeployments(m);
    }
    const d = deployments.raw[0]!;
    const dv = deploymentsView(deployments.parsed).deployments[0]!;
    expect(dv).toMatchObject({ id: d.id, currentStep: d.currentStep, totalSteps: d.steps.length, affectedApps: [...d.affectedApps].sort() });
    expect(dv.steps.map((st) => st.actions.map((a) => `${a.action} ${a.app}`))).toEqual(d.steps.map((st) => st.actions.map((a) => `${a.action} ${a.app}`)));
    expect(dv.steps.filter((st) => st.state === "running").map((st) => st.number)).toEqual([d.currentStep]);
    expect(dv.steps.filter((st) => st.state === "done")).toHaveLength(d.currentStep - 1);

    await tick(s.clock, 20_000);
    const { raw, parsed } = await marathonGroups(m);
    const view = groupsView(parsed);
    expect(view.groups.map((g) => g.id)).toEqual(["/arm-demo"]);
    expect(view.groups[0]!.groups.map((g) => g.id)).toEqual(["/arm-demo/group1", "/arm-demo/group2"]);
    for (const a of rawAppsOf(raw)) {
      const v = appsOf(view).find((x) => x.id === a.id)!;
      expect(v).toMatchObject({ running: a.tasksRunning, staged: a.tasksStaged, healthy: a.tasksHealthy, unhealthy: a.tasksUnhealthy, instances: a.instances });
      expect(v.tasks.map((t) => t.id)).toEqual(a.tasks.map((t) => t.id).sort());
    }
    expect(appsOf(view).every((a) => a.status === "running")).toBe(true);
  });
});

describe("deployments view", () => {
  it("Marathon 1.5.1's example: steps from the steps, not the reply's totalSteps (a doc slip there)", () => {
    const raw = fixture("deployments.json");
    const [v] = deploymentsView(deploymentsReplySchema.parse(raw)).deployments;
    expect(v!.totalSteps).toBe(raw[0].steps.length);
    expect(v!.steps[1]!.actions[0]).toEqual({ action: raw[0].steps[1].actions[0].action, app: raw[0].steps[1].actions[0].pod });
    expect(v!.currentActions).toEqual([{ action: raw[0].currentActions[0].action, app: raw[0].currentActions[0].app }]);
  });

  it("the 1.5.14+ placeholder (currentStep 0) is listed as not started", () => {
    const [v] = deploymentsView(deploymentsReplySchema.parse([{ id: "d", steps: [{ actions: [{ action: "StartApplication", app: "/a" }] }], currentActions: [], currentStep: 0, totalSteps: 1 }])).deployments;
    expect(v).toMatchObject({ started: false, currentStep: 0, totalSteps: 1 });
    expect(v!.steps[0]!.state).toBe("pending");
  });
});

describe("why a deployment is stuck", () => {
  it("an app no agent has the memory for: the blocking check, the largest free memory from Mesos, each agent's reasons", async () => {
    s = await startRunbookCluster();
    await postApp(s.marathonUrls[0]!, { id: "/big", cmd: "sleep 1000", cpus: 0.5, mem: 65536, instances: 1 });
    await tick(s.clock, 3000);
    const q = await marathonQueue(s.marathonUrls[0]!);
    const state = await mesosState(s.mesosUrls[0]!);
    const [v] = queueView(q.parsed.queue, state.parsed, Date.now()).queue;
    const rawItem = q.raw.queue[0]!;
    const rawFunnel = rawItem.processedOffersSummary.rejectSummaryLastOffers;
    const blocking = rawFunnel.find((r) => r.declined > 0 && r.processed === r.declined)!;
    expect(v!.blockedBy).toBe(blocking.reason);
    expect(v!.blockedBy).toBe("InsufficientMemory");
    expect(v!.funnel.map((r) => [r.reason, r.processed, r.declined])).toEqual(rawFunnel.map((r) => [r.reason, r.processed, r.declined]));
    const freeMem = Math.max(...state.raw.slaves.map((a) => a.resources.mem - a.used_resources.mem));
    const largest = state.raw.slaves.find((a) => a.resources.mem - a.used_resources.mem === freeMem)!;
    expect(v!.explanation[0]).toBe(`No agent has 64 GB of free memory; the largest has ${(freeMem / 1024).toFixed(1)} GB (${largest.hostname}): each instance must fit on one agent.`);
    expect(v!.offers.map((o) => [o.hostname, o.reasons])).toEqual(rawItem.lastUnusedOffers.map((o) => [o.offer.hostname, o.reason]));
  });

  it("hostname:UNIQUE with more instances than agents says so", async () => {
    s = await startRunbookCluster();
    await postApp(s.marathonUrls[0]!, { id: "/spread", cmd: "sleep 1000", cpus: 0.1, mem: 32, instances: 3, constraints: [["hostname", "UNIQUE"]] });
    await tick(s.clock, 5000);
    const q = await marathonQueue(s.marathonUrls[0]!);
    const state = await mesosState(s.mesosUrls[0]!);
    const [v] = queueView(q.parsed.queue, state.parsed, Date.now()).queue;
    expect(v!.blockedBy).toBe("UnfulfilledConstraint");
    expect(v!.waiting).toBe(q.raw.queue[0]!.count);
    expect(v!.explanation[0]).toBe(`3 instances with hostname:UNIQUE, but only ${state.raw.slaves.length} agents: at most ${state.raw.slaves.length} can run.`);
  });

  it("Marathon 1.5.1's example queue: offers lost at several checks, none blocking alone; a duplicated reason listed once", () => {
    const raw = fixture("queue.json");
    const views = queueView(queueReplySchema.parse(raw).queue, undefined, Date.parse("2016-02-28T16:50:00Z")).queue;
    const foo = views.find((v) => v.id === "/foo")!;
    const rawFunnel = raw.queue.find((q: { app: { id: string } }) => q.app.id === "/foo").processedOffersSummary.rejectSummaryLastOffers as { reason: string; declined: number; processed: number }[];
    expect(foo.funnel.map((r) => r.reason)).toEqual([...new Set(rawFunnel.map((r) => r.reason))]);
    const declined = rawFunnel.filter((r, i) => r.declined > 0 && rawFunnel.findIndex((x) => x.reason === r.reason) === i);
    expect(foo.blockedBy).toBe(declined.find((r) => r.declined === r.processed)?.reason ?? null);
    expect(foo.overdueWarning).toBe(true);
  });
});
