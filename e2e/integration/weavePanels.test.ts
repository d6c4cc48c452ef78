// The Weave panel and the WeaveDNS table of a PROVISIONED cluster, through the real server, after
// "Bring up cluster" on three test hosts and the runbook's basic.json posted to its Marathon.
// Weave is read over SSH (the runner's pinned connections) from each host's router stand-in;
// the containers are the ones the hosts' Mesos agents ran for the stand-in Marathon's tasks.
// Expected values come from the hosts' own state files (docker-containers.json) and from the
// cluster's Mesos and Marathon replies, never from Armdeck's.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClusterHost } from "../harness/clusterHosts";
import type { TestClient } from "../harness/httpClient";
import { pollPanel, runPlan, startProvisionedCluster, type ProvisionedCluster } from "../harness/provisionedCluster";

let hosts: ClusterHost[];
let admin: TestClient;
let marathonUrl: string;
let mesosUrl: string;

interface HostContainer {
  Id: string;
  Name: string;
  state: string;
  weave?: { ip: string };
  dns?: string;
}

const containersOf = async (h: ClusterHost): Promise<HostContainer[]> =>
  JSON.parse(await readFile(h.hostPath("/var/lib/armdeck-shims/docker-containers.json"), "utf8").catch(() => '{"containers":[]}')).containers;
const setFaults = (h: ClusterHost, faults: object) => writeFile(h.hostPath("/var/lib/armdeck-shims/weave-faults.json"), JSON.stringify(faults));
const upstream = async (url: string, init?: RequestInit): Promise<any> => (await fetch(url, init)).json();
const fresh = (p: string) => `${p}?maxAgeS=1`;

/** Every running container of the hosts with what its host and Mesos/Marathon say about it. */
async function expectedIps() {
  const state = await upstream(`${mesosUrl}/master/state`);
  const tasks = state.frameworks.flatMap((f: any) => f.tasks);
  const { apps } = await upstream(`${marathonUrl}/v2/apps?embed=apps.tasks`);
  const appOfTask = new Map<string, string>(apps.flatMap((a: any) => a.tasks.map((t: any) => [t.id, a.id])));
  const out: { name: string; ip: string; node: string; container: string; task: string; app: string }[] = [];
  for (const h of hosts) {
    for (const c of await containersOf(h)) {
      if (c.state !== "running" || !c.dns) continue;
      const cid = c.Name.replace(/^mesos-/, "");
      const task = tasks.find((t: any) => t.statuses.some((s: any) => s.container_status?.container_id?.value === cid));
      out.push({ name: c.dns.replace(/\.weave\.local\.$/, ""), ip: c.weave!.ip, node: h.hostname, container: c.Name, task: task?.id, app: appOfTask.get(task?.id) as string });
    }
  }
  return out;
}

async function deploy(group: object) {
  const res = await fetch(`${marathonUrl}/v2/groups`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(group) });
  expect(res.status, await res.clone().text()).toBe(201);
}

/** Waits until every host's agent has run a container for each running Docker task. */
async function containersSettled(count: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = (await Promise.all(hosts.map(containersOf))).flat().filter((c) => c.state === "running").length;
    if (running === count) return;
    if (Date.now() > deadline) throw new Error(`${running} containers running, expected ${count}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

let cluster: ProvisionedCluster | undefined;

beforeAll(async () => {
  cluster = await startProvisionedCluster([
    { arch: "aarch64", hostname: "wp-arm-1" },
    { arch: "aarch64", hostname: "wp-arm-2" },
    { arch: "x86_64", hostname: "wp-x86-1" },
  ]);
  ({ hosts, admin, mesosUrl, marathonUrl } = cluster);
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
});

describe("the Weave panel and the WeaveDNS table of a provisioned cluster", () => {
  it("brings the cluster up and deploys the runbook's basic.json", async () => {
    const up = await runPlan(admin, "bring-up");
    expect(up.run.status, JSON.stringify(up.jobs.filter((j: { status: string }) => j.status !== "succeeded"))).toBe("succeeded");
    const basic = JSON.parse(await readFile(path.join(import.meta.dirname, "../../standin/fixtures/basic.json"), "utf8"));
    await deploy(basic);
    await containersSettled(4);
  }, 600_000);

  it("/weave/dns lists ubuntu1 and ubuntu2 with 2 Weave IPs each, on the nodes that hold them, joined to their apps and tasks", async () => {
    const expected = await expectedIps();
    expect(expected.map((e) => e.name).sort()).toEqual(["ubuntu1", "ubuntu1", "ubuntu2", "ubuntu2"]);
    const dns = await pollPanel(admin, fresh("/weave/dns"), (b) => b.entries?.reduce((n: number, e: any) => n + e.ips.length, 0) === 4);
    expect(dns.entries.map((e: any) => e.name)).toEqual(["ubuntu1", "ubuntu2"]);
    for (const e of dns.entries) {
      const mine = expected.filter((x) => x.name === e.name);
      expect(e.ips).toHaveLength(2);
      expect([...e.ips].sort((a: any, b: any) => a.ip.localeCompare(b.ip))).toEqual(
        mine.sort((a, b) => a.ip.localeCompare(b.ip)).map((x) => expect.objectContaining({ ip: x.ip, node: x.node, container: x.container, task: x.task, app: x.app })),
      );
    }
    expect(dns.entries[0].ips[0].app).toBe("/arm-demo/group1/ubuntu1");
    // Mesos reports Docker's bridge IP for these tasks; the table has the Weave IPs.
    const state = await upstream(`${mesosUrl}/master/state`);
    const bridgeIps = state.frameworks.flatMap((f: any) => f.tasks).flatMap((t: any) => t.statuses.flatMap((s: any) => s.container_status?.network_infos?.flatMap((n: any) => n.ip_addresses.map((a: any) => a.ip_address)) ?? []));
    expect(bridgeIps.length).toBeGreaterThan(0);
    for (const e of dns.entries) for (const ip of e.ips) expect(bridgeIps).not.toContain(ip.ip);
    expect(dns.readFrom.sort()).toEqual(hosts.map((h) => h.hostname).sort());
  });

  it("/weave shows every router up with established connections and no problems", async () => {
    const w = await pollPanel(admin, fresh("/weave"), (b) => b.routers?.length === 3);
    expect(w.problems).toEqual([]);
    for (const r of w.routers) {
      expect(r).toMatchObject({ state: "up", version: "2.8.1", hostname: r.node.name, ipam: { status: "ready", range: "10.32.0.0/12" } });
      expect(r.peers).toHaveLength(3);
      expect(r.connections.length).toBeGreaterThan(0);
      for (const c of r.connections) expect(c.state).toBe("established");
      const own = (await containersOf(hosts.find((h) => h.hostname === r.node.name)!)).filter((c) => c.state === "running" && c.weave);
      expect(r.ipam.activeIps).toBe(own.length);
    }
  });

  it("flags a connection stuck in connecting, in words, with the ports to check", async () => {
    const [a, b] = [hosts[0]!, hosts[1]!];
    await setFaults(a, { connecting: [b.address] });
    const w = await pollPanel(admin, fresh("/weave"), (x) => x.problems?.some((p: string) => p.includes(" is connecting")));
    const router = w.routers.find((r: any) => r.node.name === a.hostname);
    expect(router.connections).toContainEqual(expect.objectContaining({ address: `${b.address}:6783`, state: "connecting", node: b.hostname }));
    expect(router.problems.join("\n")).toMatch(new RegExp(`${a.hostname}'s connection to ${b.hostname} \\(${b.address.replace(/\./g, "\\.")}:6783\\) is connecting\\. Not established: check that TCP 6783 and UDP 6783 and 6784 are open`));
    await setFaults(a, {});
    await pollPanel(admin, fresh("/weave"), (x) => x.problems?.length === 0);
  });

  it("flags a router that is down, and its names drop out of WeaveDNS on the other nodes", async () => {
    const down = hosts[2]!;
    const onDown = (await containersOf(down)).filter((c) => c.state === "running" && c.dns).map((c) => c.weave!.ip);
    await setFaults(down, { routerDown: true });
    const w = await pollPanel(admin, fresh("/weave"), (x) => x.routers?.some((r: any) => r.node.name === down.hostname && r.state === "down"));
    const r = w.routers.find((x: any) => x.node.name === down.hostname);
    expect(r.problems[0]).toContain(`The Weave router on ${down.hostname} is down: nothing listens on 127.0.0.1:6784`);
    expect(w.problems.some((p: string) => p.includes(`to ${down.hostname}`) && p.includes("failed"))).toBe(true);
    const dns = await pollPanel(admin, fresh("/weave/dns"), (x) => !x.readFrom.includes(down.hostname));
    const ips = dns.entries.flatMap((e: any) => e.ips.map((i: any) => i.ip));
    for (const ip of onDown) expect(ips).not.toContain(ip);
    await setFaults(down, {});
    await pollPanel(admin, fresh("/weave"), (x) => x.routers?.every((y: any) => y.state === "up") && x.problems.length === 0);
  });

  it("calls out a tombstoned entry and a name left on one node after a scale-down", async () => {
    const res = await fetch(`${marathonUrl}/v2/apps/arm-demo/group2/ubuntu2`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ instances: 1 }) });
    expect(res.status).toBe(200);
    await containersSettled(3);
    const stopped = (await Promise.all(hosts.map(async (h) => (await containersOf(h)).filter((c) => c.state !== "running" && c.dns === "ubuntu2.weave.local.").map((c) => ({ ...c, node: h.hostname }))))).flat();
    expect(stopped).toHaveLength(1);
    const dns = await pollPanel(admin, fresh("/weave/dns"), (x) => x.tombstoned?.length === 1);
    expect(dns.tombstoned[0]).toMatchObject({ name: "ubuntu2", ip: stopped[0]!.weave!.ip, node: stopped[0]!.node, container: stopped[0]!.Name });
    expect(dns.callouts).toContainEqual(expect.objectContaining({ kind: "tombstoned", name: "ubuntu2" }));
    const live = (await expectedIps()).find((e) => e.name === "ubuntu2")!;
    expect(dns.callouts).toContainEqual(expect.objectContaining({ kind: "one-node", name: "ubuntu2", message: expect.stringContaining(`ubuntu2 is registered on ${live.node} only`) }));
    expect(dns.entries.find((e: any) => e.name === "ubuntu2").ips).toEqual([expect.objectContaining({ ip: live.ip, node: live.node })]);
  });

  it("calls out an app whose containers registered no name of their own", async () => {
    await deploy({ id: "/nameless", apps: [{ id: "web", cmd: "sleep 1000", cpus: 0.1, mem: 32, instances: 1, container: { type: "DOCKER", docker: { image: "ubuntu:16.04", network: "BRIDGE" } } }] });
    await containersSettled(4);
    const dns = await pollPanel(admin, fresh("/weave/dns"), (x) => x.callouts?.some((c: any) => c.kind === "no-name"));
    expect(dns.callouts).toContainEqual(expect.objectContaining({ kind: "no-name", app: "/nameless/web", message: expect.stringContaining("registered only under their container names") }));
  });

  it("hostile hostnames and labels in Marathon's state never execute anything on a test host", async () => {
    const canary = `/tmp/armdeck-weave-canary-${randomBytes(6).toString("hex")}`;
    const payloads = [`$(touch ${canary})`, `\`touch ${canary}\``, `;touch ${canary};`, `'$(touch ${canary})'`];
    await deploy({
      id: "/hostile",
      apps: payloads.map((p, i) => ({
        id: `h${i}`,
        cmd: "sleep 1000",
        cpus: 0.05,
        mem: 16,
        instances: 1,
        labels: { note: p },
        env: { NOTE: p },
        container: { type: "DOCKER", docker: { image: "ubuntu:16.04", network: "BRIDGE", parameters: [{ key: "hostname", value: `x${p}.weave.local` }, { key: "label", value: `note=${p}` }] } },
      })),
    });
    await containersSettled(4 + payloads.length);
    // Armdeck reads Weave (and docker's names) on every node with these values in its state.
    await pollPanel(admin, fresh("/weave"), (x) => x.routers?.length === 3);
    await pollPanel(admin, fresh("/weave/dns"), (x) => x.entries?.length > 0);
    for (const h of hosts) expect(existsSync(h.hostPath(canary)), `canary on ${h.hostname}`).toBe(false);
    expect(existsSync(canary), "canary on this machine").toBe(false);
    // The values arrived intact, as data.
    const dns = await pollPanel(admin, fresh("/weave/dns"), (x) => x.entries?.filter((e: any) => e.name.includes("touch")).length === payloads.length);
    expect(dns.entries.filter((e: any) => e.name.includes("touch")).map((e: any) => e.name).sort()).toEqual(payloads.map((p) => `x${p}`).sort());
  });

  it("an adopted cluster says in words that Weave is not readable without SSH nodes", async () => {
    const res = await admin.call("POST", "/api/v1/clusters", { body: { name: "adopted-weave", mesosMasters: [mesosUrl], marathon: [marathonUrl] } });
    expect(res.status, res.text).toBe(201);
    for (const p of ["/weave", "/weave/dns"]) {
      const r = await admin.call("GET", `/api/v1/clusters/${res.body.id}${p}`);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ readable: false, reason: expect.stringContaining("adopted") });
      expect(r.body.reason).toContain("over SSH");
    }
  });
});
