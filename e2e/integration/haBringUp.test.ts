// Highly available masters end to end, through the real server: "Bring up cluster" on five test
// hosts (three masters, two agents), the real ZooKeeper 3.8 forming a 3-node ensemble on the
// masters, the Mesos and Marathon stand-ins electing through it. Then ZooKeeper members are
// stopped by hand, one and then two, and the overview must say so in words. What the ensemble,
// Mesos and Marathon do is read by the test itself (srvr over TCP, its own ZooKeeper client, the
// masters' own replies), never from Armdeck's parsers alone. One bring-up, everything on it.
// Marathon comes from its release tarball here (marathonSource "tarball", what a master on a
// current OS without JDK 8 takes): no sbt on any master, the release's bin/marathon on every one.
import net from "node:net";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClusterHost } from "../harness/clusterHosts";
import type { TestClient } from "../harness/httpClient";
import { pollPanel, runPlan, startProvisionedCluster, type ProvisionedCluster } from "../harness/provisionedCluster";

const { ZkSession } = createRequire(import.meta.url)("../harness/toolShims/zk.cjs") as {
  ZkSession: new (servers: { host: string; port: number }[], opts?: { sessionTimeoutMs?: number }) => {
    connect(timeoutMs: number): Promise<unknown>;
    create(path: string, data: string, flags: number): Promise<string>;
    close(): void;
  };
};

let cluster: ProvisionedCluster | undefined;
let hosts: ClusterHost[];
let admin: TestClient;
let masters: ClusterHost[];
let agents: ClusterHost[];

/** srvr asked by the test: the server's own words, read until it closes the connection. */
function srvr(host: ClusterHost): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect({ host: host.address, port: 2181 });
    let out = "";
    s.setTimeout(5000, () => s.destroy());
    s.on("connect", () => s.end("srvr"));
    s.on("data", (b) => (out += b.toString()));
    s.on("close", () => resolve(out));
    s.on("error", () => resolve(out));
  });
}
const modeOf = (reply: string) => /^Mode: (\S+)$/m.exec(reply)?.[1] ?? null;

async function until<T>(what: string, probe: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await probe();
    if (done(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what}: never happened; last ${JSON.stringify(last).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const stopZookeeper = (h: ClusterHost) => h.exec(`ZOO_LOG_DIR=/tmp /opt/armdeck/mesos-1.11.0/3rdparty/zookeeper-*/bin/zkServer.sh stop /opt/armdeck/mesos-1.11.0/3rdparty/zookeeper-*/conf/zoo.cfg`);

beforeAll(async () => {
  cluster = await startProvisionedCluster(
    [
      { arch: "aarch64", hostname: "ha-m1" },
      { arch: "aarch64", hostname: "ha-m2" },
      { arch: "x86_64", hostname: "ha-m3" },
      { arch: "aarch64", hostname: "ha-a1" },
      { arch: "x86_64", hostname: "ha-a2" },
    ],
    ["master", "master", "master", "agent", "agent"],
  );
  ({ hosts, admin } = cluster);
  masters = hosts.slice(0, 3);
  agents = hosts.slice(3);
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
});

describe("three masters, two agents", () => {
  let jobs: { nodeName: string; stepId: string; startedAt: string; finishedAt: string; status: string }[];

  it("the dry run shows the topology: masters with ZooKeeper ids, quorum 2, the agents, the ensemble URLs", async () => {
    const res = await admin.call("POST", "/api/v1/clusters/1/plans/preview", { body: { plan: "bring-up" } });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const ensemble = masters.map((m) => `${m.address}:2181`).join(",");
    expect(res.body.topology).toEqual({
      masters: masters.map((m, i) => ({ name: m.hostname, address: m.address, zookeeperId: i + 1, alsoAgent: false })),
      quorum: 2,
      agents: agents.map((a) => ({ name: a.hostname, address: a.address })),
      zk: { mesos: `zk://${ensemble}/mesos`, marathon: `zk://${ensemble}/marathon` },
    });
  });

  it("brings the cluster up in dependency order", async () => {
    const current = await admin.call("GET", "/api/v1/clusters/1/settings");
    const saved = await admin.call("PUT", "/api/v1/clusters/1/settings", { body: { ...current.body.settings, marathonSource: "tarball" } });
    expect(saved.status, saved.text.slice(0, 300)).toBe(200);
    const up = await runPlan(admin, "bring-up", 900_000);
    jobs = up.jobs;
    expect(up.run.status, JSON.stringify(up.jobs.filter((j: { status: string }) => j.status !== "succeeded")).slice(0, 2000)).toBe("succeeded");
    const on = (step: string) => jobs.filter((j) => j.stepId === step).map((j) => j.nodeName).sort();
    for (const step of ["zookeeper.configure", "zookeeper.start", "mesos-master.start", "marathon.start"]) expect(on(step)).toEqual(["ha-m1", "ha-m2", "ha-m3"]);
    expect(on("mesos-agent.start")).toEqual(["ha-a1", "ha-a2"]);
    const at = (node: string, step: string, edge: "startedAt" | "finishedAt") => Date.parse(jobs.find((j) => j.nodeName === node && j.stepId === step)![edge]);
    const lastZk = Math.max(...masters.map((m) => at(m.hostname, "zookeeper.start", "finishedAt")));
    const lastMaster = Math.max(...masters.map((m) => at(m.hostname, "mesos-master.start", "finishedAt")));
    for (const m of masters) {
      expect(lastZk).toBeLessThanOrEqual(at(m.hostname, "mesos-master.start", "startedAt"));
      expect(at(m.hostname, "mesos-master.start", "finishedAt")).toBeLessThanOrEqual(at(m.hostname, "marathon.start", "startedAt"));
    }
    for (const a of agents) expect(lastMaster).toBeLessThanOrEqual(at(a.hostname, "mesos-agent.start", "startedAt"));
    // The tarball route: no sbt installed or run anywhere; each master unpacked the release.
    expect(on("prereq.sbt")).toEqual([]);
    expect(on("marathon.build")).toEqual([]);
    for (const m of masters) {
      expect((await m.exec("command -v sbt")).code).not.toBe(0);
      expect((await m.exec("ls /opt/armdeck/marathon-v1.5.1/bin /opt/armdeck/marathon-v1.5.1/lib")).stdout).toBe(
        "/opt/armdeck/marathon-v1.5.1/bin:\nmarathon\n\n/opt/armdeck/marathon-v1.5.1/lib:\nmesosphere.marathon.marathon-1.5.1.jar\n",
      );
      expect((await m.exec("pgrep -af 'marathon-v1.5.1/bin/marathon'")).stdout).toContain("--master zk://");
    }
  }, 900_000);

  it("the real ZooKeeper formed an ensemble: each member's myid and srvr, one leader and two followers", async () => {
    for (const [i, m] of masters.entries()) {
      expect((await m.exec("cat /var/lib/armdeck/zookeeper/myid")).stdout.trim()).toBe(String(i + 1));
      const cfg = (await m.exec("cat /opt/armdeck/mesos-1.11.0/3rdparty/zookeeper-*/conf/zoo.cfg")).stdout;
      for (const [j, peer] of masters.entries()) expect(cfg).toContain(`server.${j + 1}=${peer.address}:2888:3888`);
    }
    const replies = await until("the ensemble to elect", () => Promise.all(masters.map(srvr)), (r) => r.every((x) => modeOf(x) !== null));
    expect(replies.map(modeOf).sort()).toEqual(["follower", "follower", "leader"]);
  }, 120_000);

  it("one Mesos master leads and the other two redirect (307) to it; both agents registered", async () => {
    const replies = await until(
      "one Mesos leader",
      () => Promise.all(masters.map(async (m) => { const r = await fetch(`http://${m.address}:5050/master/state`, { redirect: "manual" }); return { status: r.status, location: r.headers.get("location"), body: r.status === 200 ? await r.json() : null }; })),
      (rs) => rs.filter((r) => r.status === 200).length === 1 && rs.filter((r) => r.status === 307).length === 2 && rs.find((r) => r.status === 200)!.body.slaves.length === 2,
    );
    const leader = replies.find((r) => r.status === 200)!;
    const leaderHostPort = `${leader.body.leader_info.hostname}:${leader.body.leader_info.port}`;
    expect(masters.map((m) => `${m.address}:5050`)).toContain(leaderHostPort);
    for (const r of replies.filter((x) => x.status === 307)) expect(r.location).toBe(`//${leaderHostPort}/master/state`);
    expect(leader.body.slaves.map((s: { hostname: string }) => s.hostname).sort()).toEqual(["ha-a1", "ha-a2"]);
  }, 120_000);

  it("Marathon runs on every master: one leads, the others proxy to it", async () => {
    const leaders = await until(
      "one Marathon leader",
      () => Promise.all(masters.map(async (m) => { const r = await fetch(`http://${m.address}:8080/v2/leader`); return { status: r.status, via: r.headers.get("x-marathon-via"), body: r.status === 200 ? await r.json() : null }; })),
      (rs) => rs.every((r) => r.status === 200) && new Set(rs.map((r) => r.body.leader)).size === 1,
    );
    const leader = leaders[0]!.body.leader as string;
    expect(masters.map((m) => `${m.address}:8080`)).toContain(leader);
    const proxied = leaders.filter((r, i) => `${masters[i]!.address}:8080` !== leader);
    expect(proxied).toHaveLength(2);
    for (const r of proxied) expect(r.via).toMatch(/^1\.1 /);
  }, 120_000);

  it("the overview says 3 of 3 serving with the ZooKeeper leader, and one line per master with its roles", async () => {
    const zkLeader = masters[(await Promise.all(masters.map(srvr))).map(modeOf).indexOf("leader")]!;
    const o = await pollPanel(admin, "/overview", (b) => b.ensemble?.serving === 3 && b.mesos.leader && b.marathon.leader, 60_000);
    expect(o.ensemble.summary).toBe(`ZooKeeper: 3 of 3 serving, leader on ${zkLeader.hostname}`);
    expect(o.masterRoles).toHaveLength(3);
    const mesosLeader = (await fetch(`http://${masters[0]!.address}:5050/master/redirect`, { redirect: "manual" })).headers.get("location")!.replace(/^\/\//, "");
    const marathonLeader = (await (await fetch(`http://${masters[0]!.address}:8080/v2/leader`)).json()).leader as string;
    for (const m of masters) {
      const line = o.masterRoles.find((r: { node: string }) => r.node === m.hostname).line as string;
      expect(line).toContain(`Mesos ${mesosLeader.startsWith(`${m.address}:`) ? "leader" : "standby"}`);
      expect(line).toContain(`Marathon ${marathonLeader.startsWith(`${m.address}:`) ? "leader" : "standby"}`);
      expect(line).toContain(`ZooKeeper ${m === zkLeader ? "leader" : "follower"}`);
    }
  }, 120_000);

  it("with one member stopped the ensemble still serves writes, and the overview says a majority is up", async () => {
    const victim = masters[0]!;
    expect((await stopZookeeper(victim)).code).toBe(0);
    const o = await pollPanel(admin, "/overview", (b) => b.ensemble?.serving === 2, 60_000);
    expect(o.ensemble.state).toBe("degraded");
    expect(o.ensemble.summary).toContain(`2 of 3 serving (${victim.hostname} does not answer: connection refused); a majority is up, the ensemble still serves`);
    // The test's own client writes through a surviving member.
    const zk = new ZkSession(masters.slice(1).map((m) => ({ host: m.address, port: 2181 })), { sessionTimeoutMs: 6000 });
    await zk.connect(15_000);
    expect(await zk.create("/armdeck-ha-test", "one down", 0)).toBe("/armdeck-ha-test");
    zk.close();
  }, 120_000);

  it("with two members stopped the last one refuses clients (no writes) and the overview says no majority", async () => {
    const second = masters[1]!;
    const last = masters[2]!;
    expect((await stopZookeeper(second)).code).toBe(0);
    await until("the last member to leave the quorum", () => srvr(last), (r) => r.includes("This ZooKeeper instance is not currently serving requests"), 60_000);
    const zk = new ZkSession([{ host: last.address, port: 2181 }], { sessionTimeoutMs: 6000 });
    await expect(zk.connect(8_000)).rejects.toThrow();
    zk.close();
    const o = await pollPanel(admin, "/overview", (b) => b.ensemble?.serving === 0, 60_000);
    expect(o.ensemble.state).toBe("down");
    expect(o.ensemble.summary).toContain("no majority, ZooKeeper refuses writes; Mesos masters and Marathon cannot elect");
    expect(o.ensemble.summary).toContain(`${last.hostname} answers up but not serving (not in a quorum)`);
  }, 180_000);
});
