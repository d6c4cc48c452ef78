import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../cluster/clusterSettingsSchema.ts";
import { preflightTargets, type ProbeNode } from "./preflightTargets.ts";

const node = (id: string, role: "master" | "agent"): ProbeNode => ({
  id, name: id, address: `192.0.2.${id.slice(1)}${id[0] === "m" ? 1 : 2}`, hostname: `${id}.lan`, arch: "aarch64", cpus: 4, systemd: true, isMaster: role === "master", isAgent: role === "agent",
});

describe("preflight reach checks of a 3-master cluster", () => {
  const nodes = [node("m1", "master"), node("m2", "master"), node("m3", "master"), node("a1", "agent")];
  const plans = new Map(preflightTargets(DEFAULT_SETTINGS, nodes).map((p) => [p.node.id, p]));
  const reach = (id: string) => plans.get(id)!.reach.map((r) => `${r.check}@${r.target.id}`).sort();

  it("has each master reach every other master on 5050, 2181, 2888 and 3888, and listen on them", () => {
    expect(reach("m2").filter((r) => r.startsWith("reach:master"))).toEqual(
      ["m1", "m3"].flatMap((m) => [2181, 2888, 3888, 5050].map((p) => `reach:master:${p}@${m}`)).sort(),
    );
    expect(plans.get("m2")!.listen.sort()).toEqual([2181, 2888, 3888, 5050, 6783]);
  });

  it("has an agent reach every master on 5050 and 2181 only", () => {
    expect(reach("a1").filter((r) => r.startsWith("reach:master"))).toEqual(["m1", "m2", "m3"].flatMap((m) => [`reach:master:2181@${m}`, `reach:master:5050@${m}`]).sort());
  });

  it("asks no quorum ports of a single master", () => {
    const [m] = preflightTargets(DEFAULT_SETTINGS, [node("m1", "master"), node("a1", "agent")]);
    expect(m!.reach.filter((r) => r.check.startsWith("reach:master"))).toEqual([]);
    expect(m!.listen).not.toContain(2888);
  });
});
