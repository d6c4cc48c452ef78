import { describe, expect, it } from "vitest";
import { clusterEndpoints } from "./clusterEndpoints.ts";

const nodes = [
  { address: "m1.lan", ip: "192.0.2.1", role: "master" },
  { address: "a1.lan", ip: "192.0.2.2", role: "agent" },
  { address: "2001:db8::3", ip: null, role: "both" },
];

describe("clusterEndpoints", () => {
  it("derives a provisioned cluster's URLs from its master nodes (their own IP first) and its ports, IPv6 in brackets", () => {
    const e = clusterEndpoints({ kind: "provisioned", mesosMasters: [], marathon: [], settings: { mesosMasterPort: 5151, marathonPort: 8181 }, nodes });
    expect(e.mesosMasters).toEqual(["http://192.0.2.1:5151", "http://[2001:db8::3]:5151"]);
    expect(e.marathon).toEqual(["http://192.0.2.1:8181", "http://[2001:db8::3]:8181"]);
    expect(e.derived).toEqual({ mesosMasters: true, marathon: true });
  });

  it("keeps a provisioned cluster's own lists when set, and an adopted cluster's registered ones whatever its nodes", () => {
    const over = clusterEndpoints({ kind: "provisioned", mesosMasters: ["http://lb:5050"], marathon: [], settings: null, nodes });
    expect(over.mesosMasters).toEqual(["http://lb:5050"]);
    expect(over.marathon).toEqual(["http://192.0.2.1:8080", "http://[2001:db8::3]:8080"]);
    const adopted = clusterEndpoints({ kind: "adopted", mesosMasters: ["http://x:5050"], marathon: ["http://y:8080"], settings: null, nodes });
    expect([adopted.mesosMasters, adopted.marathon]).toEqual([["http://x:5050"], ["http://y:8080"]]);
  });
});
