import { afterEach, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { startStandin, type Standin } from "./server";
import { readFixture } from "./testing/shape";

// Unchanged third-party clients: marathon-node (request-based REST client) and the `eventsource`
// package (a WHATWG EventSource). They run on the real clock with short task timings.
const require = createRequire(import.meta.url);
const Marathon = require("marathon-node") as (url: string) => MarathonClient;
const EventSource = require("eventsource") as new (url: string, init?: { headers?: Record<string, string> }) => EventSourceLike;

interface MarathonClient {
  groups: { create(body: unknown): Promise<{ deploymentId: string; version: string }>; getOne(id: string): Promise<{ id: string; groups: unknown[] }> };
  deployments: { getList(): Promise<{ id: string; currentStep: number; totalSteps: number }[]> };
  apps: { getTasks(id: string): Promise<{ tasks: { id: string; host: string; state: string }[] }> };
  tasks: { getList(): Promise<{ tasks: unknown[] }> };
  misc: { ping(): Promise<string> };
  info: { get(): Promise<{ version: string; leader: string }> };
}
interface EventSourceLike {
  addEventListener(type: string, fn: (e: { data: string }) => void): void;
  onopen: (() => void) | null;
  onerror: ((e: unknown) => void) | null;
  close(): void;
}

let s: Standin | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

const waitFor = async <T>(what: string, fn: () => Promise<T | undefined> | T | undefined, ms = 15_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("third-party clients against the stand-in", () => {
  it("marathon-node creates a group, follows its deployment and lists its tasks; eventsource sees the events", async () => {
    s = await startStandin({ seed: 7, timing: { allocationIntervalMs: 50, taskRunningAfterMs: 150, healthyAfterMs: 100, killAfterMs: 50 } });
    for (const hostname of ["od1000-1", "od1000-0"]) s.control.addAgent({ hostname, cpus: 4, mem: 15025, disk: 59040, ports: "[1-65535]", attributes: { arch: "aarch64" } });
    const url = s.marathonUrls[0]!;

    const events: { type: string; data: Record<string, unknown> }[] = [];
    const es = new EventSource(`${url}/v2/events`, { headers: { Accept: "text/event-stream" } });
    const opened = new Promise<void>((resolve, reject) => {
      es.onopen = () => resolve();
      es.onerror = (e) => reject(new Error(`SSE error ${JSON.stringify(e)}`));
    });
    for (const type of ["event_stream_attached", "deployment_info", "deployment_step_success", "deployment_success", "status_update_event", "instance_changed_event"]) {
      es.addEventListener(type, (e) => events.push({ type, data: JSON.parse(e.data) }));
    }
    await opened;

    const client = Marathon(url);
    expect(await client.misc.ping()).toBe("pong");
    expect((await client.info.get()).version).toBe("1.5.1");
    const created = await client.groups.create(JSON.parse(readFixture("basic.json")));
    expect(created.deploymentId).toMatch(/^[0-9a-f-]{36}$/);

    const seen = await waitFor("the deployment to be listed", async () => (await client.deployments.getList()).find((d) => d.id === created.deploymentId));
    expect(seen.totalSteps).toBe(3);
    await waitFor("the deployment to finish", async () => !(await client.deployments.getList()).some((d) => d.id === created.deploymentId));

    const group = await client.groups.getOne("arm-demo");
    expect(group.groups).toHaveLength(2);
    const tasks = await client.apps.getTasks("/arm-demo/group1/ubuntu1");
    expect(tasks.tasks).toHaveLength(2);
    expect(tasks.tasks.every((t) => t.state === "TASK_RUNNING")).toBe(true);
    expect((await client.tasks.getList()).tasks).toHaveLength(4);

    await waitFor("deployment_success on the stream", () => events.some((e) => e.type === "deployment_success" && e.data.id === created.deploymentId));
    es.close();
    expect(events[0]!.type).toBe("event_stream_attached");
    expect(events.filter((e) => e.type === "status_update_event").map((e) => e.data.taskStatus)).toEqual(["TASK_RUNNING", "TASK_RUNNING", "TASK_RUNNING", "TASK_RUNNING"]);
    expect(events.filter((e) => e.type === "deployment_info")).toHaveLength(3);
  });

  it("/v2/events refuses an Accept header that is not exactly text/event-stream (405) and frames with CRLF", async () => {
    s = await startStandin({});
    const url = s.marathonUrls[0]!;
    expect((await fetch(`${url}/v2/events`, { headers: { Accept: "text/event-stream, */*" } })).status).toBe(405);
    const r = await fetch(`${url}/v2/events`, { headers: { Accept: "text/event-stream" } });
    expect(r.headers.get("content-type")).toBe("text/event-stream;charset=UTF-8");
    const reader = r.body!.getReader();
    const { value } = await reader.read();
    const text = new TextDecoder().decode(value);
    expect(text).toMatch(/^event: event_stream_attached\r\ndata: \{.*"eventType":"event_stream_attached".*\}\r\n\r\n$/);
    await reader.cancel();
  });

  it("a standby proxies to the leader; with no leader it answers 503 HTML", async () => {
    s = await startStandin({ marathonPorts: [0, 0], noLeaderWaitMs: 20 });
    const [leader, standby] = s.marathonUrls as [string, string];
    const r = await fetch(`${standby}/v2/leader`);
    expect(r.status).toBe(200);
    expect((await r.json()).leader).toBe(new URL(leader).host);
    expect(r.headers.get("x-marathon-via")).toBe(`1.1 ${new URL(standby).host}`);
    expect(r.headers.get("x-marathon-leader")).toBe(leader);
    s.control.setMarathonLeader(null);
    const none = await fetch(`${standby}/v2/apps`);
    expect(none.status).toBe(503);
    expect(await none.text()).toContain("Could not determine the current leader");
  });
});
