// The connectivity check through the real server on test hosts (aarch64 master+agent, x86_64
// agent), after "Bring up cluster" and the runbook's basic.json posted to the cluster's Marathon:
// the agents' Docker containerizer starts the containers through the weave proxy, and the check
// runs on each node over its pinned SSH connection. Expected values come from the hosts' own
// state files (docker-containers.json: each container's Weave IP and name) and Marathon's tasks,
// never from Armdeck's replies.
import { readFile, writeFile } from "node:fs/promises";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClusterHost } from "../harness/clusterHosts";
import type { TestClient } from "../harness/httpClient";
import { runPlan as runPlanOf, startProvisionedCluster, type ProvisionedCluster } from "../harness/provisionedCluster";

let hosts: ClusterHost[];
let admin: TestClient;
let marathonUrl: string;

interface HostContainer {
  Name: string;
  state: string;
  Hostname?: string;
  weave?: { ip: string };
  dns?: string;
}
interface Running {
  host: ClusterHost;
  name: string;
  ip: string;
  dns: string | null;
}

const BASIC = JSON.parse(fs.readFileSync(new URL("../../standin/fixtures/basic.json", import.meta.url), "utf8"));
const GROUP = encodeURIComponent("/arm-demo");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function containersOn(host: ClusterHost): Promise<Running[]> {
  const text = await readFile(host.hostPath("/var/lib/armdeck-shims/docker-containers.json"), "utf8").catch(() => '{"containers":[]}');
  const list = (JSON.parse(text).containers as HostContainer[]).filter((c) => c.state === "running" && c.Name.startsWith("mesos-") && c.weave);
  return list.map((c) => ({ host, name: c.Name, ip: c.weave!.ip, dns: c.dns ? c.dns.replace(/\.$/, "") : null }));
}
const allContainers = async () => (await Promise.all(hosts.map(containersOn))).flat();
const setFaults = async (host: ClusterHost, faults: object) => {
  await writeFile(host.hostPath("/var/lib/armdeck-shims/weave-faults.json"), JSON.stringify(faults));
  for (const h of hosts) await h.exec("weave status >/dev/null 2>&1; true");
};
const sessions = async (host: ClusterHost) => ((await readFile(host.logFile, "utf8")).match(/Starting session: command/g) ?? []).length;

const runPlan = (plan: "bring-up") => runPlanOf(admin, plan, 500_000);

/** Starts a check and waits for its run to end; the group's tasks must be in the poller's cache first. */
async function check(body: object = {}): Promise<any> {
  let started;
  for (let i = 0; i < 60; i++) {
    started = await admin.call("POST", `/api/v1/clusters/1/groups/${GROUP}/connectivity`, { body });
    if (started.status !== 409) break;
    await sleep(500); // the poller has not seen every task yet
  }
  expect(started!.status, started!.text).toBe(201);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const res = await admin.call("GET", `/api/v1/clusters/1/groups/${GROUP}/connectivity/${started!.body.runId}`);
    expect(res.status, res.text).toBe(200);
    if (!["queued", "running"].includes(res.body.status)) return res.body;
    if (Date.now() > deadline) throw new Error(`check still ${res.body.status}`);
    await sleep(500);
  }
}

const cellKey = (c: any) => `${c.from.container} ${c.kind === "dns" ? c.to.name : c.to.ip}`;

let cluster: ProvisionedCluster | undefined;

beforeAll(async () => {
  cluster = await startProvisionedCluster([
    { arch: "aarch64", hostname: "od1000-1" },
    { arch: "x86_64", hostname: "od1000-0" },
  ]);
  ({ hosts, admin, marathonUrl } = cluster);
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
});

describe("the connectivity check on test hosts", () => {
  it("brings the cluster up and runs basic.json's 4 containers through the weave proxy", async () => {
    const up = await runPlan("bring-up");
    expect(up.run.status, JSON.stringify(up.jobs.filter((j: { status: string }) => j.status !== "succeeded"))).toBe("succeeded");
    const posted = await fetch(`${marathonUrl}/v2/groups`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(BASIC) });
    expect(posted.status).toBe(201);
    const deadline = Date.now() + 120_000;
    while ((await allContainers()).length < 4 && Date.now() < deadline) await sleep(500);
    expect((await allContainers()).map((c) => c.dns).sort()).toEqual(["ubuntu1.weave.local", "ubuntu1.weave.local", "ubuntu2.weave.local", "ubuntu2.weave.local"]);
  }, 700_000);

  it("without ping in ubuntu:16.04: names resolve, IP cells say what installing would take, and nothing was installed", async () => {
    const c = await check();
    expect(c.status).toBe("succeeded");
    expect(c.cells).toHaveLength(4 * (2 + 4));
    const dns = c.cells.filter((x: any) => x.kind === "dns");
    expect(dns.filter((x: any) => !x.reachable)).toEqual([]);
    const pings = c.cells.filter((x: any) => x.kind === "ping");
    expect(pings.every((x: any) => x.reachable === false && x.wouldInstall === "iputils-ping")).toBe(true);
    expect(pings[0].error).toContain('"apt-get install -y iputils-ping"');
    const records = (await Promise.all(hosts.map((h) => readFile(h.hostPath("/var/lib/armdeck-shims/docker-containers.json"), "utf8")))).map((t) => JSON.parse(t).containers);
    for (const list of records) for (const r of list) expect(r.installed ?? []).not.toContain("ping");
  }, 180_000);

  it("basic.json, ping installed when asked: the full matrix green, from one SSH channel per node for the check", async () => {
    const before = await Promise.all(hosts.map(sessions));
    const c = await check({ installPing: true });
    const after = await Promise.all(hosts.map(sessions));
    const running = await allContainers();
    expect(c.status).toBe("succeeded");
    expect(c.cells).toHaveLength(4 * (2 + 4));
    expect(c.cells.filter((x: any) => x.reachable !== true).map((x: any) => `${cellKey(x)}: ${x.error}`)).toEqual([]);
    expect([...c.ips].sort()).toEqual(running.map((r) => r.ip).sort());
    for (const cell of c.cells) {
      const self = running.find((r) => r.name === cell.from.container)!;
      expect(cell.from).toMatchObject({ node: self.host.hostname, ip: self.ip });
      if (cell.kind === "dns") {
        // getent: a container's own name comes from its /etc/hosts; the other from WeaveDNS, every instance.
        const expected = cell.to.name === self.dns ? [self.ip] : running.filter((r) => r.dns === cell.to.name).map((r) => r.ip);
        expect([...cell.dns].sort()).toEqual(expected.sort());
      } else expect(cell.rttMs).toBeGreaterThan(0);
    }
    // Per node: one `weave ps` for the Weave IPs and the check's own job; never one per cell.
    expect(after.map((n, i) => n - before[i]!)).toEqual([2, 2]);
  }, 180_000);

  it("a name that answers one IP of two on one router: exactly the failing cells, with the reason in words", async () => {
    const running = await allContainers();
    const [a, b] = hosts as [ClusterHost, ClusterHost];
    const keep = running.find((r) => r.dns === "ubuntu1.weave.local" && r.host === a)!.ip;
    const lost = running.filter((r) => r.dns === "ubuntu1.weave.local" && r.ip !== keep).map((r) => r.ip);
    await setFaults(b, { partialDns: { ubuntu1: keep } });
    try {
      const c = await check();
      // b's router answers only `keep`; ubuntu1's own container on b reads its own name from /etc/hosts.
      const expected = running.filter((r) => r.host === b && r.dns !== "ubuntu1.weave.local").map((r) => `${r.name} ubuntu1.weave.local`);
      const bad = c.cells.filter((x: any) => x.reachable !== true);
      expect(bad.map(cellKey).sort()).toEqual(expected.sort());
      for (const cell of bad) {
        expect(cell.dns).toEqual([keep]);
        expect(cell.error).toContain(`on od1000-0 resolves ubuntu1.weave.local to ${keep} only`);
        for (const ip of lost) expect(cell.error).toContain(ip);
      }
    } finally {
      await setFaults(b, {});
    }
  }, 180_000);

  it("a router down: its node's containers cannot reach the others, Weave there names no IPs, the healthy node's own cells stay green, all in words", async () => {
    const running = await allContainers();
    const [a, b] = hosts as [ClusterHost, ClusterHost];
    await setFaults(b, { routerDown: true });
    try {
      const c = await check();
      const on = (h: ClusterHost) => new Set(running.filter((r) => r.host === h).map((r) => r.name));
      const ipsOn = (h: ClusterHost) => new Set(running.filter((r) => r.host === h).map((r) => r.ip));
      const pings = c.cells.filter((x: any) => x.kind === "ping");
      // `weave ps` needs the router: b's containers have no known Weave IP, so nobody pings them, and the reply says why.
      expect(c.ips.sort()).toEqual([...ipsOn(a)].sort());
      expect(c.notes.join("\n")).toContain("Weave on od1000-0 gave no IP for");
      const fromB = pings.filter((x: any) => on(b).has(x.from.container));
      expect(fromB.length).toBe(on(b).size * ipsOn(a).size);
      expect(fromB.every((x: any) => x.reachable === false)).toBe(true);
      expect(fromB[0].error).toMatch(/^ubuntu[12] on od1000-0 cannot reach 10\.[0-9.]+ \(ubuntu[12] on od1000-1\): .*; check the Weave routers on od1000-0 and od1000-1 \(weave status\) and that TCP 6783 and UDP 6783-6784 are open between them$/);
      expect(pings.filter((x: any) => on(a).has(x.from.container)).every((x: any) => x.reachable === true)).toBe(true);
      const dnsOnB = c.cells.filter((x: any) => x.kind === "dns" && on(b).has(x.from.container) && x.reachable === false);
      expect(dnsOnB.length).toBeGreaterThan(0);
      for (const x of dnsOnB) expect(x.error).toContain("the Weave router on od1000-0 did not say where WeaveDNS listens; is the router running (weave status)?");
    } finally {
      await setFaults(b, {});
    }
  }, 180_000);

  it("a hostile hostname in Marathon's state is data: no canary on any host, and the reply says it was left out", async () => {
    const canary = `/tmp/armdeck-canary-${process.pid}`;
    const hostile = { id: "/arm-demo/group3", apps: [{ id: "/arm-demo/group3/evil", instances: 1, cpus: 0.1, mem: 32, cmd: "sleep 10000", container: { type: "DOCKER", docker: { image: "ubuntu:16.04", network: "BRIDGE", parameters: [{ key: "hostname", value: `evil.weave.local$(touch ${canary});touch ${canary}` }] } } }] };
    const posted = await fetch(`${marathonUrl}/v2/groups`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(hostile) });
    expect(posted.status, await posted.text()).toBe(201);
    // Whether or not Docker starts a container with that hostname, the app is in Marathon's state.
    let c: any;
    for (let i = 0; i < 40; i++) {
      c = await check();
      if (c.notes.some((n: string) => n.includes("/arm-demo/group3/evil"))) break;
      await sleep(1000);
    }
    expect(c.notes.find((n: string) => n.includes("/arm-demo/group3/evil"))).toContain("is not a name in the weave.local domain");
    expect(c.names.sort()).toEqual(["ubuntu1.weave.local", "ubuntu2.weave.local"]);
    expect(fs.existsSync(canary)).toBe(false);
    for (const h of hosts) expect(fs.existsSync(h.hostPath(canary))).toBe(false);
  }, 180_000);
});
