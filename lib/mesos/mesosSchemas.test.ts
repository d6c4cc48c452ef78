import { afterEach, describe, expect, it } from "vitest";
import { derivedBlocks, fixtureJson } from "../../standin/testing/shape";
import { startStandin, type Standin } from "../../standin/server";
import { mesosAgentSchema, mesosFrameworksSchema, mesosMetricsSchema, mesosSlavesSchema, mesosStateSchema, mesosStateSummarySchema, mesosTaskSchema, mesosTasksSchema, mesosVersionSchema } from "./mesosSchemas.ts";

// Real reply files (copied from ../shared/reference into standin/fixtures/reference) and the
// stand-in's replies, through the same schemas. Expected values are read from the raw JSON here.
// The v1 operator API samples (mesos/v1-*) are protobuf-JSON of /api/v1, an API the client does not use.

/** The derived Mesos 1.4 task (first ```json block of section I) and agent (second). */
function derivedMesos() {
  const blocks = derivedBlocks().filter((b) => b.includes('"slave_id"') || b.includes('"unreserved_resources"'));
  return { task: JSON.parse(blocks.find((b) => b.includes('"slave_id"'))!), agent: JSON.parse(blocks.find((b) => b.includes('"unreserved_resources"'))!) };
}

let s: Standin | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

describe("Mesos schemas against the reference files", () => {
  it("master_state.example.json (the 0.28-era doc example) parses with its own ids and counts", () => {
    const raw = fixtureJson("reference/master_state.example.json");
    const st = mesosStateSchema.parse(raw);
    expect(st.id).toBe(raw.id);
    expect(st.version).toBe(raw.version);
    expect(st.leader).toBe(raw.leader);
    expect(st.slaves).toHaveLength(raw.slaves.length);
    expect(st.frameworks.map((f) => f.id)).toEqual(raw.frameworks.map((f: { id: string }) => f.id));
    expect(st.activated_slaves).toBe(raw.activated_slaves);
    expect(st.flags).toEqual(raw.flags);
  });

  it("the audit's derived 1.4 agent: resources, used, ports ranges and attributes as written", () => {
    const { agent: raw } = derivedMesos();
    const a = mesosAgentSchema.parse(raw);
    expect(a.id).toBe(raw.id);
    expect(a.hostname).toBe(raw.hostname);
    for (const k of ["cpus", "mem", "disk", "gpus"] as const) {
      expect(a.resources[k]).toBe(raw.resources[k]);
      expect(a.used_resources[k]).toBe(raw.used_resources[k]);
    }
    expect(a.resources.ports).toBe(raw.resources.ports);
    expect(a.used_resources.ports).toBe(raw.used_resources.ports);
    expect(a.attributes).toEqual(raw.attributes);
    expect(a.capabilities).toEqual(raw.capabilities);
  });

  it("the audit's derived 1.4 task: state, resources and the container IP path", () => {
    const { task: raw } = derivedMesos();
    const t = mesosTaskSchema.parse(raw);
    expect(t.id).toBe(raw.id);
    expect(t.state).toBe(raw.state);
    expect(t.resources.cpus).toBe(raw.resources.cpus);
    expect(t.resources.ports).toBe(raw.resources.ports);
    const ip = t.statuses.at(-1)?.container_status?.network_infos?.[0]?.ip_addresses?.[0]?.ip_address;
    expect(ip).toBe(raw.statuses.at(-1).container_status.network_infos[0].ip_addresses[0].ip_address);
    expect(t.statuses.at(-1)?.container_status?.container_id?.value).toBe(raw.statuses.at(-1).container_status.container_id.value);
  });

  it("numbers as Mesos 1.4 writes them ('2.0') and quoted decimals read as numbers; extra keys never fail", () => {
    const a = mesosAgentSchema.parse(JSON.parse('{"id":"x-S0","hostname":"h","resources":{"cpus":2.0,"mem":"1024.0","disk":0.0,"gpus":0.0,"cpus_revocable":1.5,"ports":"[31000-32000]"},"deactivated":false,"drain_info":{"state":"DRAINING"},"future_field":{"a":1}}'));
    expect(a.resources.cpus).toBe(2);
    expect(a.resources.mem).toBe(1024);
    expect(a.resources.cpus_revocable).toBe(1.5);
    expect(a.deactivated).toBe(false);
    // Missing optional fields: zeros where Mesos would write 0.0.
    expect(a.used_resources).toEqual({ cpus: 0, gpus: 0, mem: 0, disk: 0 });
  });
});

describe("Mesos schemas against the stand-in's replies (1.4 and 1.11 formatting)", () => {
  for (const mesosVersion of ["1.4.0", "1.11.0"] as const) {
    it(`every endpoint of a generated ${mesosVersion} cluster parses, counts as in the raw reply`, async () => {
      s = await startStandin({ mesosVersion, agents: 12, apps: 20, tasks: 40, seed: 3 });
      const get = async (p: string) => JSON.parse(await (await fetch(`${s!.mesosUrls[0]}${p}`)).text());
      const raw = await get("/master/state");
      const st = mesosStateSchema.parse(raw);
      expect(st.slaves.map((a) => a.id)).toEqual(raw.slaves.map((a: { id: string }) => a.id));
      const rawTasks = raw.frameworks.flatMap((f: { tasks: unknown[] }) => f.tasks);
      expect(st.frameworks.flatMap((f) => f.tasks)).toHaveLength(rawTasks.length);
      const sum = (xs: { resources: { cpus: number } }[]) => xs.reduce((n, a) => n + a.resources.cpus, 0);
      expect(sum(st.slaves)).toBeCloseTo(sum(raw.slaves), 9);
      expect(st.slaves.map((a) => a.attributes.arch)).toEqual(raw.slaves.map((a: { attributes: { arch: string } }) => a.attributes.arch));

      const summary = await get("/master/state-summary");
      expect(mesosStateSummarySchema.parse(summary).slaves).toHaveLength(summary.slaves.length);
      expect(mesosSlavesSchema.parse(await get("/master/slaves")).slaves).toHaveLength(raw.slaves.length);
      expect(mesosFrameworksSchema.parse(await get("/master/frameworks")).frameworks.map((f) => f.id)).toEqual(raw.frameworks.map((f: { id: string }) => f.id));
      const tasks = await get("/master/tasks?limit=15&offset=5");
      expect(mesosTasksSchema.parse(tasks).tasks.map((t) => t.id)).toEqual(tasks.tasks.map((t: { id: string }) => t.id));
      expect(mesosVersionSchema.parse(await get("/version")).version).toBe(mesosVersion);
      const metrics = await get("/metrics/snapshot");
      expect(mesosMetricsSchema.parse(metrics)["master/cpus_total"]).toBe(metrics["master/cpus_total"]);
    });
  }
});
