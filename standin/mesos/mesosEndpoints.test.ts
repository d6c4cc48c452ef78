import { afterEach, describe, expect, it } from "vitest";
import { derivedBlocks, fixtureJson, shapeMismatches } from "../testing/shape";
import { startRunbookCluster } from "../testing/runbookCluster";
import basic from "../fixtures/basic.json" with { type: "json" };

let s: Awaited<ReturnType<typeof startRunbookCluster>> | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

describe("Mesos master endpoints", () => {
  it("a non-leading master answers 307 with a scheme-less Location to the leader, path and query kept", async () => {
    s = await startRunbookCluster();
    const leader = new URL(s.mesosUrls[0]!);
    const r = await fetch(`${s.mesosUrls[1]}/master/state?jsonp=x`, { redirect: "manual" });
    expect(r.status).toBe(307);
    expect(r.headers.get("location")).toBe(`//${leader.hostname}:${leader.port}/master/state?jsonp=x`);
    expect(await r.text()).toBe("");
    // /master/redirect always redirects, to the base URL without a path.
    const rr = await fetch(`${s.mesosUrls[0]}/master/redirect`, { redirect: "manual" });
    expect(rr.status).toBe(307);
    expect(rr.headers.get("location")).toBe(`//${leader.hostname}:${leader.port}`);
    // /health answers locally on every master.
    expect((await fetch(`${s.mesosUrls[1]}/master/health`)).status).toBe(200);
  });

  it("with no leader the state endpoints answer 503 'No leader elected'", async () => {
    s = await startRunbookCluster();
    s.control.setMesosLeader(null);
    for (const url of s.mesosUrls) {
      const r = await fetch(`${url}/master/state`, { redirect: "manual" });
      expect(r.status).toBe(503);
      expect(await r.text()).toBe("No leader elected");
      const m = await (await fetch(`${url}/metrics/snapshot`)).text();
      // 1.4 escapes the '/' in keys too.
      expect(m).toContain('"master\\/elected":0.0');
    }
  });

  it("a refused master refuses connections and comes back on the same port", async () => {
    s = await startRunbookCluster();
    await s.control.setMesosMaster(1, { mode: "refuse" });
    await expect(fetch(`${s.mesosUrls[1]}/master/health`)).rejects.toThrow();
    await s.control.setMesosMaster(1, { mode: "up" });
    expect((await fetch(`${s.mesosUrls[1]}/master/health`)).status).toBe(200);
  });

  it("/master/state has the real field names and types (audit's derived agent and task, the 1.4 example's top level)", async () => {
    s = await startRunbookCluster();
    await fetch(`${s.marathonUrls[0]}/v2/groups`, { method: "POST", body: JSON.stringify(basic), headers: { "Content-Type": "application/json" } });
    s.clock.advance(20_000);
    const text = await (await fetch(`${s.mesosUrls[0]}/master/state`)).text();
    expect(text).toMatch(/"cpus":4\.0/);
    expect(text).toContain('"activated_slaves":2.0');
    const state = JSON.parse(text);
    const blocks = derivedBlocks();
    const derivedTask = JSON.parse(blocks[5]!);
    const derivedAgent = JSON.parse(blocks[6]!);
    const marathon = state.frameworks.find((f: { name: string }) => f.name === "marathon");
    expect(marathon.tasks).toHaveLength(4);
    for (const task of marathon.tasks) expect(shapeMismatches(task, derivedTask, { optional: [".labels"] })).toEqual([]);
    for (const agent of state.slaves) expect(shapeMismatches(agent, derivedAgent)).toEqual([]);
    // The 0.28 example's top-level keys that 1.4 still writes (state-fields.md §1); git_* and cluster only when known/set.
    const example = fixtureJson("reference/master_state.example.json");
    expect(shapeMismatches(state, example, { optional: [".git_sha", ".git_branch", ".git_tag", ".cluster", ".external_log_file"], skip: [".slaves", ".frameworks", ".flags", ".completed_frameworks"] })).toEqual([]);
    // The container IP is Docker's bridge IP, not the Weave IP (audit §2.2).
    const ip = marathon.tasks[0].statuses.at(-1).container_status.network_infos[0].ip_addresses[0].ip_address;
    expect(ip).toMatch(/^172\.17\./);
  });

  it("/master/tasks honours limit, offset and order", async () => {
    s = await startRunbookCluster();
    await fetch(`${s.marathonUrls[0]}/v2/groups`, { method: "POST", body: JSON.stringify(basic), headers: { "Content-Type": "application/json" } });
    s.clock.advance(20_000);
    const all = (await (await fetch(`${s.mesosUrls[0]}/master/tasks`)).json()).tasks;
    expect(all).toHaveLength(4);
    const page = (await (await fetch(`${s.mesosUrls[0]}/master/tasks?limit=2&offset=1&order=asc`)).json()).tasks;
    expect(page).toHaveLength(2);
    const summary = await (await fetch(`${s.mesosUrls[0]}/master/state-summary`)).json();
    expect(summary.slaves.map((a: { TASK_RUNNING: number }) => a.TASK_RUNNING)).toEqual([2, 2]);
  });
});
