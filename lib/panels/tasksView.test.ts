import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandin, type Standin } from "../../standin/server.ts";
import { tasksQuerySchema } from "./tasksQuery.ts";
import { tasksView } from "./tasksView.ts";
import { mesosState, type RawState } from "./testing/standinReplies.ts";

let standin: Standin;
let raw: RawState;
let parsed: Awaited<ReturnType<typeof mesosState>>["parsed"];
beforeAll(async () => {
  standin = await startStandin({ agents: 5, apps: 6, tasks: 30, seed: 7 });
  ({ raw, parsed } = await mesosState(standin.mesosUrls[0]!));
});
afterAll(() => standin.stop());

const q = (o: Record<string, string> = {}) => tasksQuerySchema.parse(o);

describe("tasks view", () => {
  it("lists every task once with its agent's hostname and the container IP of its newest status", () => {
    const page = tasksView(parsed, q({ limit: "500" }));
    const rawTasks = raw.frameworks.flatMap((f) => [...f.tasks, ...f.completed_tasks]);
    expect(page.total).toBe(rawTasks.length);
    for (const t of rawTasks) {
      const v = page.tasks.find((x) => x.id === t.id)!;
      const last = t.statuses[t.statuses.length - 1];
      expect(v.state).toBe(t.state);
      expect(v.agentHostname).toBe(raw.slaves.find((a) => a.id === t.slave_id)!.hostname);
      expect(v.containerIp).toBe(last?.container_status?.network_infos?.[0]?.ip_addresses?.[0]?.ip_address ?? null);
      expect(v.containerId).toBe(last?.container_status?.container_id?.value ?? null);
    }
    // The stand-in's BRIDGE tasks report the Docker bridge address, as Mesos does (audit §2.2).
    expect(page.tasks.some((t) => t.containerIp?.startsWith("172.17."))).toBe(true);
  });

  it("pages are stable slices of one order, and filters by agent hostname or id and by state", () => {
    const all = tasksView(parsed, q({ limit: "500" })).tasks.map((t) => t.id);
    expect(all).toEqual([...all].sort());
    const p1 = tasksView(parsed, q({ offset: "0", limit: "10" }));
    const p2 = tasksView(parsed, q({ offset: "10", limit: "10" }));
    expect([...p1.tasks, ...p2.tasks].map((t) => t.id)).toEqual(all.slice(0, 20));

    const agent = raw.slaves[1]!;
    const onAgent = raw.frameworks.flatMap((f) => f.tasks).filter((t) => t.slave_id === agent.id).map((t) => t.id).sort();
    expect(tasksView(parsed, q({ agent: agent.hostname, limit: "500" })).tasks.map((t) => t.id)).toEqual(onAgent);
    expect(tasksView(parsed, q({ agent: agent.id, limit: "500" })).total).toBe(onAgent.length);
    expect(tasksView(parsed, q({ state: "TASK_KILLED" })).total).toBe(0);
    expect(tasksView(parsed, q({ state: "TASK_RUNNING" })).states.TASK_RUNNING).toBe(raw.frameworks.flatMap((f) => f.tasks).filter((t) => t.state === "TASK_RUNNING").length);
  });

  it("refuses a state that is not a Mesos state and limits above 500", () => {
    expect(tasksQuerySchema.safeParse({ state: "running; rm -rf" }).success).toBe(false);
    expect(tasksQuerySchema.safeParse({ limit: "501" }).success).toBe(false);
  });
});
