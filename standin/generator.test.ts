import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "./clock";
import { startStandin, type Standin } from "./server";

let s: Standin | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

describe("seeded generator", () => {
  it("builds 1,000 mixed-architecture agents with 10,000 running tasks that /master/state serves in full", async () => {
    s = await startStandin({ clock: new ManualClock(), agents: 1000, apps: 1000, tasks: 10_000, seed: 3 });
    const state = await (await fetch(`${s.mesosUrls[0]}/master/state`)).json();
    expect(state.slaves).toHaveLength(1000);
    expect(new Set(state.slaves.map((a: { attributes: { arch: string } }) => a.attributes.arch))).toEqual(new Set(["aarch64", "x86_64"]));
    const tasks = state.frameworks[0].tasks;
    expect(tasks).toHaveLength(10_000);
    expect(tasks.every((t: { state: string }) => t.state === "TASK_RUNNING")).toBe(true);
  });

  it("is deterministic for a seed", async () => {
    const a = await startStandin({ clock: new ManualClock(0), agents: 20, apps: 30, seed: 9 });
    const b = await startStandin({ clock: new ManualClock(0), agents: 20, apps: 30, seed: 9 });
    const strip = (x: unknown) => JSON.stringify(x).replace(/127\.0\.0\.1:\d+/g, "");
    const ta = await (await fetch(`${a.marathonUrls[0]}/v2/tasks`)).json();
    const tb = await (await fetch(`${b.marathonUrls[0]}/v2/tasks`)).json();
    await a.stop();
    await b.stop();
    expect(ta.tasks.length).toBeGreaterThan(30);
    expect(strip(ta)).toBe(strip(tb));
  });
});
