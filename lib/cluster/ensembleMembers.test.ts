import { describe, expect, it } from "vitest";
import { ensembleMembers } from "./ensembleMembers.ts";

describe("ensembleMembers", () => {
  it("lists the masters by name at the IP the recipes bind ZooKeeper to", () => {
    const nodes = [
      { name: "m2", address: "m2.example", ip: "192.0.2.12", role: "master" },
      { name: "a1", address: "192.0.2.21", ip: null, role: "agent" },
      { name: "m1", address: "192.0.2.11", ip: null, role: "both" },
    ];
    expect(ensembleMembers(nodes, 2181)).toEqual([
      { node: "m1", address: "192.0.2.11", port: 2181 },
      { node: "m2", address: "192.0.2.12", port: 2181 },
    ]);
  });
});
