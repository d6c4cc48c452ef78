import { describe, expect, it } from "vitest";
import { ManualClock } from "../clock";
import { MesosCluster } from "../mesos/cluster";
import { AgentRegistry, parseMesosDuration, type AgentRegistration } from "./agentRegistry";

const REMOVE_AFTER_MS = 75_000; // 15secs × 5, Mesos 1.4's defaults

function setup() {
  const clock = new ManualClock();
  const mesos = new MesosCluster(clock, { clusterId: "5d0f0d4c-3c1d-4b57-a8a4-0c5c2a4e1f00", masters: [{ hostname: "m1", ip: "127.0.0.2", port: 5050 }] });
  const removed: string[] = [];
  const registry = new AgentRegistry(mesos, clock, REMOVE_AFTER_MS, { removed: (id) => removed.push(id) });
  return { clock, mesos, registry, removed };
}

const agent: AgentRegistration = { hostname: "node-a", ip: "127.0.0.3", port: 5051, resources: { cpus: 2, mem: 2048, disk: 10240, ports: "[31000-32000]" }, attributes: { arch: "aarch64" } };

describe("agents linked to a master process", () => {
  it("registers with the given resources and attributes; a broken link deactivates at once and removes after the ping timeouts", () => {
    const { clock, mesos, registry, removed } = setup();
    const { agentId, unlink } = registry.link(agent);
    expect(mesos.agents.get(agentId)).toMatchObject({ hostname: "node-a", ip: "127.0.0.3", port: 5051, active: true, attributes: { arch: "aarch64" }, resources: { cpus: 2, mem: 2048, ports: [{ begin: 31000, end: 32000 }] } });
    unlink();
    expect(mesos.agents.get(agentId)?.active).toBe(false);
    clock.advance(REMOVE_AFTER_MS - 1);
    expect(mesos.agents.has(agentId)).toBe(true);
    clock.advance(1);
    expect(mesos.agents.has(agentId)).toBe(false);
    expect(removed).toEqual([agentId]);
  });

  it("an agent back from the same address in time keeps its id and is active again; later it is a new agent", () => {
    const { clock, mesos, registry } = setup();
    const first = registry.link(agent);
    first.unlink();
    clock.advance(10_000);
    const again = registry.link(agent);
    expect(again.agentId).toBe(first.agentId);
    expect(mesos.agents.get(first.agentId)?.active).toBe(true);
    clock.advance(REMOVE_AFTER_MS * 2);
    expect(mesos.agents.has(first.agentId)).toBe(true);
    again.unlink();
    clock.advance(REMOVE_AFTER_MS);
    const fresh = registry.link(agent);
    expect(fresh.agentId).not.toBe(first.agentId);
    expect(mesos.agents.size).toBe(1);
  });

  it("an agent back on another version (an upgrade) keeps its id and reports the version it now runs", () => {
    const { mesos, registry } = setup();
    const first = registry.link({ ...agent, version: "1.4.0" });
    first.unlink();
    const again = registry.link({ ...agent, version: "1.11.0" });
    expect(again.agentId).toBe(first.agentId);
    expect(mesos.agents.get(first.agentId)).toMatchObject({ version: "1.11.0", active: true });
  });

  it("reads stout durations", () => {
    expect(parseMesosDuration("15secs")).toBe(15_000);
    expect(parseMesosDuration("1.5mins")).toBe(90_000);
    expect(parseMesosDuration("100ms")).toBe(100);
    expect(parseMesosDuration("soon")).toBeUndefined();
  });
});
