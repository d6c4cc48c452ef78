import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { mesosStateSchema } from "../mesos/mesosSchemas.ts";
import { startStandin, type Standin } from "../../standin/server.ts";
import { startRunbookCluster } from "../../standin/testing/runbookCluster.ts";
import { frameworksView } from "./frameworksView.ts";
import { resourcesView } from "./resourcesView.ts";
import { mesosState } from "./testing/standinReplies.ts";

const fixtures = path.resolve(import.meta.dirname, "../../standin/fixtures/reference");

let standin: Standin | undefined;
afterEach(async () => {
  await standin?.stop();
  standin = undefined;
});

describe("resources view", () => {
  it("the runbook cluster plus an x86_64 agent: totals and per-agent numbers are Mesos' own, arch from attributes", async () => {
    standin = await startRunbookCluster();
    standin.control.addAgent({ hostname: "x86-box", cpus: 8, mem: 31000, disk: 100000, attributes: { arch: "x86_64" } });
    const { raw, parsed } = await mesosState(standin.mesosUrls[0]!);
    const view = resourcesView(parsed);

    const sum = (k: "cpus" | "mem" | "disk", which: "resources" | "used_resources") => raw.slaves.reduce((n, a) => n + a[which][k], 0);
    expect(view.total).toMatchObject({ cpus: sum("cpus", "resources"), memMb: sum("mem", "resources"), diskMb: sum("disk", "resources") });
    expect(view.used).toMatchObject({ cpus: sum("cpus", "used_resources"), memMb: sum("mem", "used_resources"), diskMb: sum("disk", "used_resources") });
    expect(view.agents).toHaveLength(raw.slaves.length);
    for (const a of raw.slaves) {
      const v = view.agents.find((x) => x.id === a.id)!;
      expect(v).toMatchObject({ hostname: a.hostname, arch: a.attributes.arch, active: a.active, version: a.version });
      expect(v.total).toMatchObject({ cpus: a.resources.cpus, memMb: a.resources.mem, diskMb: a.resources.disk, ports: a.resources.ports });
      expect(v.registeredAt).toBe(new Date(Math.round(a.registered_time * 1000)).toISOString());
    }
    expect(view.agents.map((a) => a.arch).sort()).toEqual(["aarch64", "aarch64", "x86_64"]);
    // The runbook's agents are started with --resources=ports:[1-65535].
    expect(view.agents.find((a) => a.hostname === "od1000-1")!.total).toMatchObject({ ports: "[1-65535]", portCount: 65535 });
  });

  it("tasks per agent and used resources follow the running tasks of a generated cluster", async () => {
    standin = await startStandin({ agents: 6, apps: 4, tasks: 12, seed: 3 });
    const { raw, parsed } = await mesosState(standin.mesosUrls[0]!);
    const view = resourcesView(parsed);
    const expected = new Map<string, number>();
    for (const f of raw.frameworks) for (const t of f.tasks) expected.set(t.slave_id, (expected.get(t.slave_id) ?? 0) + 1);
    for (const a of view.agents) expect(a.tasks, a.hostname).toBe(expected.get(a.id) ?? 0);
    expect(view.agents.reduce((n, a) => n + a.tasks, 0)).toBe(12);
  });

  it("without an arch attribute the node facts say it, else null", () => {
    const state = mesosStateSchema.parse({ id: "m", slaves: [{ id: "S0", hostname: "od1000-0" }, { id: "S1", hostname: "other" }] });
    const view = resourcesView(state, { archByHostname: new Map([["od1000-0", "aarch64"]]) });
    expect(view.agents.map((a) => [a.hostname, a.arch])).toEqual([["od1000-0", "aarch64"], ["other", null]]);
  });

  it("the 1.4 endpoint example (no agents) gives zero totals and its frameworks", () => {
    const raw = JSON.parse(readFileSync(path.join(fixtures, "master_state.example.json"), "utf8"));
    const parsed = mesosStateSchema.parse(raw);
    expect(resourcesView(parsed)).toMatchObject({ total: { cpus: 0, memMb: 0, diskMb: 0 }, agents: [] });
    const fw = frameworksView(parsed).frameworks;
    expect(fw.map((f) => f.id)).toEqual([...raw.frameworks, ...raw.completed_frameworks].map((f: { id: string }) => f.id));
    expect(fw.map((f) => f.tasks)).toEqual([...raw.frameworks, ...raw.completed_frameworks].map((f: { tasks: unknown[] }) => f.tasks.length));
  });
});
