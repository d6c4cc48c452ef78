import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../clock";
import { startStandin, type Standin } from "../server";
import { jsonHeaders } from "../testing/runbookCluster";

let s: Standin | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

async function cluster(agents: { hostname: string; cpus: number; mem: number; rack?: string }[]) {
  const clock = new ManualClock();
  s = await startStandin({ clock });
  for (const a of agents) s.control.addAgent({ ...a, disk: 10000, attributes: { arch: "x86_64", rack: a.rack ?? "r1" } });
  return { clock, url: s.marathonUrls[0]! };
}

const post = (url: string, app: unknown) => fetch(`${url}/v2/apps`, { method: "POST", headers: jsonHeaders, body: JSON.stringify(app) });
const hosts = async (url: string, id: string) => ((await (await fetch(`${url}/v2/apps${id}/tasks`)).json()).tasks as { host: string }[]).map((t) => t.host).sort();

describe("placement (audit §1.11: Marathon does not spread by default)", () => {
  it("with one offer that fits, every instance goes onto the same agent (up to 5 per offer)", async () => {
    const { clock, url } = await cluster([{ hostname: "big", cpus: 8, mem: 8192 }, { hostname: "small", cpus: 0.1, mem: 64 }]);
    await post(url, { id: "/a", cmd: "sleep 1", cpus: 0.5, mem: 128, instances: 3 });
    clock.advance(10_000);
    expect(await hosts(url, "/a")).toEqual(["big", "big", "big"]);
  });

  it("hostname:UNIQUE places one per agent and leaves the rest queued as UnfulfilledConstraint", async () => {
    const { clock, url } = await cluster([{ hostname: "h1", cpus: 4, mem: 4096 }, { hostname: "h2", cpus: 4, mem: 4096 }]);
    await post(url, { id: "/u", cmd: "sleep 1", cpus: 0.1, mem: 32, instances: 3, constraints: [["hostname", "UNIQUE"]] });
    clock.advance(10_000);
    expect(await hosts(url, "/u")).toEqual(["h1", "h2"]);
    const q = (await (await fetch(`${url}/v2/queue`)).json()).queue;
    expect(q[0].count).toBe(1);
    const constraint = q[0].processedOffersSummary.rejectSummaryLastOffers.find((r: { reason: string }) => r.reason === "UnfulfilledConstraint");
    expect(constraint).toEqual({ reason: "UnfulfilledConstraint", declined: 2, processed: 2 });
  });

  it("an instance must fit on ONE agent: two half-full agents do not add up", async () => {
    const { clock, url } = await cluster([{ hostname: "h1", cpus: 1, mem: 1024 }, { hostname: "h2", cpus: 1, mem: 1024 }]);
    await post(url, { id: "/wide", cmd: "sleep 1", cpus: 1.5, mem: 128, instances: 1 });
    clock.advance(5_000);
    expect(await hosts(url, "/wide")).toEqual([]);
    const q = (await (await fetch(`${url}/v2/queue`)).json()).queue;
    expect(q[0].processedOffersSummary.rejectSummaryLastOffers.find((r: { reason: string }) => r.reason === "InsufficientCpus").declined).toBe(2);
  });

  it("CLUSTER and LIKE/UNLIKE select agents by attribute; MAX_PER caps per value", async () => {
    const { clock, url } = await cluster([
      { hostname: "a1", cpus: 4, mem: 4096, rack: "r1" },
      { hostname: "a2", cpus: 4, mem: 4096, rack: "r2" },
      { hostname: "a3", cpus: 4, mem: 4096, rack: "r2" },
    ]);
    await post(url, { id: "/c", cmd: "sleep 1", cpus: 0.1, mem: 32, instances: 2, constraints: [["rack", "CLUSTER", "r2"]] });
    await post(url, { id: "/l", cmd: "sleep 1", cpus: 0.1, mem: 32, instances: 1, constraints: [["hostname", "LIKE", "a[13]"], ["rack", "UNLIKE", "r1"]] });
    await post(url, { id: "/m", cmd: "sleep 1", cpus: 0.1, mem: 32, instances: 3, constraints: [["rack", "MAX_PER", "1"]] });
    clock.advance(10_000);
    expect((await hosts(url, "/c")).every((h) => h === "a2" || h === "a3")).toBe(true);
    expect(await hosts(url, "/l")).toEqual(["a3"]);
    expect(await hosts(url, "/m")).toHaveLength(2);
  });

  it("a failed task is replaced and shows as lastTaskFailure", async () => {
    const { clock, url } = await cluster([{ hostname: "h1", cpus: 4, mem: 4096 }]);
    await post(url, { id: "/f", cmd: "sleep 1", cpus: 0.1, mem: 32, instances: 1 });
    clock.advance(5_000);
    const [task] = (await (await fetch(`${url}/v2/apps/f/tasks`)).json()).tasks;
    expect(s!.control.failTask(task.id, "boom")).toBe(true);
    clock.advance(10_000);
    const app = (await (await fetch(`${url}/v2/apps/f`)).json()).app;
    expect(app.lastTaskFailure).toMatchObject({ taskId: task.id, state: "TASK_FAILED", message: "boom" });
    expect(app.tasksRunning).toBe(1);
    expect(app.tasks[0].id).not.toBe(task.id);
  });
});
