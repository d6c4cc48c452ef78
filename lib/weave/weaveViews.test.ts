import { describe, expect, it } from "vitest";
import { parseNodeWeaveProbe } from "./nodeWeaveProbe.ts";
import type { ClusterWeaveReading } from "./readClusterWeave.ts";
import { CID_A1, CID_B1, CID_B2, PEER_A, probeOutput, report } from "./testing/reportFixture.ts";
import { weaveDnsView } from "./weaveDnsView.ts";
import { weaveRoutersView } from "./weaveRoutersView.ts";

const nodeA = { id: "n1", name: "node-a", address: "192.0.2.1" };
const nodeB = { id: "n2", name: "node-b", address: "192.0.2.2" };
const readAt = "2026-12-02T00:00:00.000Z";

function reading(b: { curlExit?: number; body?: string | null; state?: string } = {}): ClusterWeaveReading {
  const a = parseNodeWeaveProbe(probeOutput("node-a", JSON.stringify(report("a"), null, 4), 0, [`${CID_A1} mesos-11111111-aaaa`]));
  const bOut = probeOutput("node-b", b.body === undefined ? JSON.stringify(report("b", { bConnectionState: b.state }), null, 4) : b.body, b.curlExit ?? 0, [`${CID_B1} mesos-22222222-bbbb`]);
  return { nodes: [{ node: nodeA, readAt, ...a }, { node: nodeB, readAt, ...parseNodeWeaveProbe(bOut) }] };
}

const mesos = {
  id: "m",
  flags: {},
  slaves: [],
  recovered_slaves: [],
  completed_frameworks: [],
  frameworks: [
    {
      id: "f",
      name: "marathon",
      tasks: [
        { id: "arm-demo_group1_ubuntu1.t1", state: "TASK_RUNNING", statuses: [{ state: "TASK_RUNNING", container_status: { container_id: { value: "11111111-aaaa" } } }] },
        { id: "arm-demo_group1_ubuntu1.t2", state: "TASK_RUNNING", statuses: [{ state: "TASK_RUNNING", container_status: { container_id: { value: "22222222-bbbb" } } }] },
      ],
    },
  ],
} as never;
const groups = { id: "/", groups: [{ id: "/arm-demo", apps: [{ id: "/arm-demo/group1/ubuntu1", container: { type: "DOCKER" }, tasks: [{ id: "arm-demo_group1_ubuntu1.t1" }, { id: "arm-demo_group1_ubuntu1.t2" }] }] }] } as never;

describe("the node probe", () => {
  it("reads the report, the hostname and docker's names", () => {
    const p = parseNodeWeaveProbe(probeOutput("node-a", JSON.stringify(report("a"), null, 4), 0, [`${CID_A1} mesos-x`]));
    expect(p).toMatchObject({ router: "up", hostname: "node-a", containers: [{ id: CID_A1, name: "mesos-x" }] });
  });

  it("says in words when nothing listens on 6784, or the reply is not Weave's", () => {
    expect(parseNodeWeaveProbe(probeOutput("node-b", null, 7, []))).toMatchObject({ router: "down", error: expect.stringContaining("nothing listens on 127.0.0.1:6784") });
    expect(parseNodeWeaveProbe(probeOutput("node-b", "404 page not found", 0, []))).toMatchObject({ router: "unreadable", error: expect.stringContaining("not JSON") });
    expect(parseNodeWeaveProbe(probeOutput("node-b", '{"Ready":true}', 0, []))).toMatchObject({ router: "unreadable", error: expect.stringContaining("not what Weave 2.x writes") });
    expect(parseNodeWeaveProbe("")).toMatchObject({ router: "unreadable", error: "the node's reply was cut short" });
  });
});

describe("the WeaveDNS view", () => {
  it("groups live entries by name as written, each IP on the origin's node, joined to container, task and app", () => {
    const v = weaveDnsView(reading(), { mesos, groups });
    expect(v.entries).toEqual([
      {
        name: "ubuntu1",
        ips: [
          { ip: "10.32.0.1", node: "node-a", container: "mesos-11111111-aaaa", containerId: CID_A1, app: "/arm-demo/group1/ubuntu1", task: "arm-demo_group1_ubuntu1.t1" },
          { ip: "10.40.0.0", node: "node-b", container: "mesos-22222222-bbbb", containerId: CID_B1, app: "/arm-demo/group1/ubuntu1", task: "arm-demo_group1_ubuntu1.t2" },
        ],
      },
    ]);
    expect(v.tombstoned).toEqual([expect.objectContaining({ name: "ubuntu2", ip: "10.40.0.1", node: "node-b", container: CID_B2.slice(0, 12), deletedAt: "2025-12-02T00:00:00.000Z" })]);
    expect(v.callouts.map((c) => c.kind)).toEqual(["tombstoned"]);
  });

  it("maps an origin to its node by nickname when that node's own router is down", () => {
    const v = weaveDnsView(reading({ curlExit: 7, body: null }));
    expect(v.readFrom).toEqual(["node-a"]);
    expect(v.entries[0]!.ips.map((i) => i.node)).toEqual(["node-a", "node-b"]);
  });

  it("calls out a name on one node only and an app whose containers registered no name", () => {
    const one = report("a");
    one.DNS.Entries = [{ Hostname: "solo.weave.local.", Origin: PEER_A, ContainerID: CID_A1, Address: "10.32.0.1", Version: 0, Tombstone: 0 }];
    const a = parseNodeWeaveProbe(probeOutput("node-a", JSON.stringify(one), 0, [`${CID_A1} mesos-11111111-aaaa`, `${CID_B1} mesos-22222222-bbbb`]));
    const v = weaveDnsView({ nodes: [{ node: nodeA, readAt, ...a }, { node: nodeB, readAt, router: "unreachable", hostname: null, error: "x", containers: null, containersError: null }] }, { mesos, groups });
    expect(v.callouts).toContainEqual(expect.objectContaining({ kind: "one-node", name: "solo", message: expect.stringContaining("solo is registered on node-a only") }));
    const nameless = { id: "/", groups: [{ id: "/n", apps: [{ id: "/n/web", container: { type: "DOCKER" }, tasks: [{ id: "arm-demo_group1_ubuntu1.t2" }] }] }] } as never;
    expect(weaveDnsView({ nodes: [{ node: nodeA, readAt, ...a }] }, { mesos, groups: nameless }).callouts).toContainEqual(
      expect.objectContaining({ kind: "no-name", app: "/n/web", message: expect.stringContaining("not in WeaveDNS at all") }),
    );
  });
});

describe("the routers view", () => {
  it("flags a connection that is not established with the ports to check, and a router that is down", () => {
    const v = weaveRoutersView(reading({ state: "connecting" }));
    expect(v.routers[1]!.connections).toEqual([{ address: "192.0.2.1:6783", outbound: true, state: "connecting", info: "", node: "node-a" }]);
    expect(v.problems).toContain("node-b's connection to node-a (192.0.2.1:6783) is connecting. Not established: check that TCP 6783 and UDP 6783 and 6784 are open between the two hosts (firewalls, security groups) and that both routers run.");
    const down = weaveRoutersView(reading({ curlExit: 7, body: null }));
    expect(down.routers[1]).toMatchObject({ state: "down", version: null });
    expect(down.routers[1]!.problems[0]).toMatch(/^The Weave router on node-b is down: nothing listens on 127\.0\.0\.1:6784/);
    expect(down.routers[0]).toMatchObject({ state: "up", version: "2.8.1", ipam: { status: "ready", range: "10.32.0.0/12", ownedIps: 524288, activeIps: 1 }, dnsEntries: 2 });
  });
});
