import { describe, expect, it } from "vitest";
import type { MemberAnswer } from "./ensembleProbe.ts";
import { ensembleView } from "./ensembleView.ts";
import { masterRoles } from "../panels/masterRoles.ts";

const serving = (node: string, mode: "leader" | "follower" | "standalone"): MemberAnswer => ({
  node,
  address: `192.0.2.1${node.slice(1)}`,
  reply: { serving: true, version: "3.8.0", mode, zxid: "0x1", nodeCount: 5, connections: 1 },
  error: null,
});
const refused = (node: string): MemberAnswer => ({ node, address: `192.0.2.1${node.slice(1)}`, reply: null, error: "connection refused" });
const notServing = (node: string): MemberAnswer => ({ node, address: `192.0.2.1${node.slice(1)}`, reply: { serving: false, reason: "not_serving", said: "This ZooKeeper instance is not currently serving requests" }, error: null });

describe("ensembleView", () => {
  it("says all serving and who leads", () => {
    const v = ensembleView([serving("m1", "follower"), serving("m2", "leader"), serving("m3", "follower")]);
    expect(v).toMatchObject({ state: "up", serving: 3, leader: "m2", summary: "ZooKeeper: 3 of 3 serving, leader on m2" });
  });

  it("says a majority still serves with one member down", () => {
    const v = ensembleView([refused("m1"), serving("m2", "leader"), serving("m3", "follower")]);
    expect(v.state).toBe("degraded");
    expect(v.summary).toBe("ZooKeeper: 2 of 3 serving (m1 does not answer: connection refused); a majority is up, the ensemble still serves, leader on m2");
  });

  it("says no majority when only one is left", () => {
    const v = ensembleView([refused("m1"), refused("m2"), notServing("m3")]);
    expect(v.state).toBe("down");
    expect(v.summary).toBe(
      "ZooKeeper: 0 of 3 serving (m1 does not answer: connection refused; m2 does not answer: connection refused; m3 answers up but not serving (not in a quorum)): no majority, ZooKeeper refuses writes; Mesos masters and Marathon cannot elect",
    );
  });

  it("counts a lone serving member as no majority (it was asked a moment before the others went)", () => {
    const v = ensembleView([serving("m1", "leader"), refused("m2"), refused("m3")]);
    expect(v.state).toBe("down");
    expect(v.summary).toMatch(/^ZooKeeper: 1 of 3 serving \(m2 does not answer: connection refused; m3 does not answer: connection refused\): no majority/);
  });

  it("gives each master its roles, matched by address", () => {
    const v = ensembleView([serving("m1", "follower"), serving("m2", "leader"), refused("m3")]);
    expect(masterRoles(v, "192.0.2.11:5050", "192.0.2.12:8080").map((r) => r.line)).toEqual([
      "m1 (192.0.2.11): Mesos leader, Marathon standby, ZooKeeper follower",
      "m2 (192.0.2.12): Mesos standby, Marathon leader, ZooKeeper leader",
      "m3 (192.0.2.13): Mesos standby, Marathon standby, ZooKeeper not serving (connection refused)",
    ]);
    expect(masterRoles(v, null, null)[0]!.line).toBe("m1 (192.0.2.11): Mesos: no leader known, Marathon: no leader known, ZooKeeper follower");
  });
});
