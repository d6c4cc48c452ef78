// The Weave and docker stand-ins of the cluster test hosts, driven over real SSH the way the
// runbook and Armdeck use them: containers run through the weave proxy's socket join Weave and
// register in ONE WeaveDNS shared by the connected hosts, `weave status …`, `weave ps` and
// curl http://127.0.0.1:6784/report answer from that state, `docker exec` resolves and pings
// inside a container, and the faults a test injects (weave-faults.json) show everywhere.
// Expected values come from the hosts' own state files, not from the tool under test.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile, writeFile } from "node:fs/promises";
import { startCluster, stopAllClusterHosts, type ClusterHost } from "./clusterHosts";

let a: ClusterHost;
let b: ClusterHost;

async function ok(host: ClusterHost, script: string): Promise<string> {
  const r = await host.exec(`set -eu\n${script}`);
  if (r.code !== 0) throw new Error(`exit ${r.code} on ${host.hostname}:\n${script}\n--- stdout\n${r.stdout.slice(-3000)}\n--- stderr\n${r.stderr.slice(-3000)}`);
  return r.stdout;
}

interface Container {
  Id: string;
  Name: string;
  state: string;
  weave?: { ip: string; mac: string; cidr: string };
  dns?: string;
}
const containersOf = async (h: ClusterHost): Promise<Container[]> => JSON.parse(await readFile(h.hostPath("/var/lib/armdeck-shims/docker-containers.json"), "utf8")).containers;
const routerOf = async (h: ClusterHost) => JSON.parse(await readFile(h.hostPath("/var/lib/armdeck-shims/weave.json"), "utf8"));
const setFaults = (h: ClusterHost, faults: object) => writeFile(h.hostPath("/var/lib/armdeck-shims/weave-faults.json"), JSON.stringify(faults));
const REPORT = "curl -s -H 'Accept: application/json' http://127.0.0.1:6784/report";
const PROXY = "docker -H unix:///var/run/weave/weave.sock";

beforeAll(async () => {
  const hosts = await startCluster([
    { arch: "aarch64", hostname: "wv-arm-1" },
    { arch: "x86_64", hostname: "wv-x86-1" },
  ]);
  a = hosts[0]!;
  b = hosts[1]!;
  const install = (peer: string) =>
    `apt-get install -y docker.io >/dev/null\ncurl -fsSL -o /usr/local/bin/weave https://github.com/weaveworks/weave/releases/download/v2.8.1/weave && chmod a+x /usr/local/bin/weave\nweave launch ${peer} >/dev/null 2>&1`;
  await Promise.all([ok(a, install("wv-x86-1")), ok(b, install("wv-arm-1"))]);
}, 120_000);

afterAll(async () => {
  await stopAllClusterHosts();
});

describe("the weave and docker stand-ins", () => {
  it("attaches containers run through the proxy and registers their hostnames in one WeaveDNS", async () => {
    await ok(a, `${PROXY} run -d --net bridge --hostname=ubuntu1.weave.local --name mesos-aaaa-1 ubuntu:16.04 >/dev/null 2>&1`);
    await ok(b, `${PROXY} run -d --net bridge --hostname=ubuntu1.weave.local --name mesos-bbbb-1 ubuntu:16.04 >/dev/null 2>&1`);
    await ok(b, `${PROXY} run -d --net bridge --hostname=ubuntu2.weave.local --name mesos-bbbb-2 ubuntu:16.04 >/dev/null 2>&1`);
    // Not through the proxy: no Weave IP, no name.
    await ok(b, `docker run -d --hostname=plain.weave.local --name mesos-bbbb-3 ubuntu:16.04 >/dev/null 2>&1`);

    const [ca, cb] = [await containersOf(a), await containersOf(b)];
    const peerA = (await routerOf(a)).ipamRange;
    expect(ca[0]).toMatchObject({ Name: "mesos-aaaa-1", dns: "ubuntu1.weave.local." });
    expect(cb.find((c) => c.Name === "mesos-bbbb-3")).not.toHaveProperty("weave");
    expect(peerA.start).toMatch(/^10\.(3[2-9]|4[0-7])\./);

    const report = JSON.parse(await ok(a, REPORT));
    const nameA = /Name: (\S+)\(wv-arm-1\)/.exec(await ok(a, "weave status"))![1];
    const nameB = /Name: (\S+)\(wv-x86-1\)/.exec(await ok(b, "weave status"))![1];
    const live = [...ca, ...cb].filter((c) => c.dns);
    const expected = live.map((c) => ({ Hostname: c.dns, Address: c.weave!.ip, ContainerID: c.Id, Origin: ca.includes(c) ? nameA : nameB, Tombstone: 0 }));
    expect(report.DNS.Entries).toHaveLength(3);
    expect(report.DNS.Entries).toEqual(expect.arrayContaining(expected.map((e) => expect.objectContaining(e))));
    // The same table from the other node: WeaveDNS is cluster-wide.
    expect(JSON.parse(await ok(b, REPORT)).DNS.Entries).toEqual(report.DNS.Entries);
    expect(report.Router).toMatchObject({ Name: nameA, NickName: "wv-arm-1", Connections: [{ State: "established" }] });
    expect(report.IPAM.ActiveIPs).toBe(1);

    const dns = await ok(b, "weave status dns");
    const c1 = ca[0]!;
    expect(dns).toContain(`ubuntu1      ${c1.weave!.ip.padEnd(15)} ${c1.Id.slice(0, 12)} ${nameA}\n`);
    expect(await ok(a, "weave ps")).toContain(`${c1.Id.slice(0, 12)} ${c1.weave!.mac} ${c1.weave!.cidr}\n`);
    expect(await ok(a, "weave status")).toContain("        Entries: 3\n");
  });

  it("docker exec resolves through WeaveDNS and pings across the overlay", async () => {
    const [ca, cb] = [await containersOf(a), await containersOf(b)];
    const ips1 = [ca[0]!, cb[0]!].map((c) => c.weave!.ip).sort();
    const getent = await ok(b, "docker exec mesos-bbbb-2 getent hosts ubuntu1.weave.local");
    expect(getent.trim().split("\n").map((l) => l.split(/\s+/)[0]).sort()).toEqual(ips1);
    expect(getent).toMatch(/^10\.\S+ +ubuntu1\.weave\.local\n/);
    // Its own name comes from /etc/hosts first (glibc `files dns`), which the proxy points at its Weave IP.
    expect(await ok(a, "docker exec mesos-aaaa-1 getent hosts ubuntu1.weave.local")).toBe(`${ca[0]!.weave!.ip.padEnd(15)} ubuntu1.weave.local\n`);
    // ubuntu:16.04 has no ping until the runbook installs iputils-ping in the container.
    const missing = await a.exec("docker exec mesos-aaaa-1 ping -c 1 10.32.0.1");
    expect(missing).toMatchObject({ code: 126 });
    expect(missing.stderr).toContain('exec: "ping": executable file not found in $PATH');
    await ok(a, "docker exec mesos-aaaa-1 apt-get install -y iputils-ping dnsutils >/dev/null");
    const ping = await ok(a, `docker exec mesos-aaaa-1 ping -c 1 -W 1 ${cb[1]!.weave!.ip}`);
    expect(ping).toMatch(new RegExp(`^PING ${cb[1]!.weave!.ip.replace(/\./g, "\\.")} \\(\\S+\\) 56\\(84\\) bytes of data\\.\\n64 bytes from \\S+: icmp_seq=1 ttl=64 time=[\\d.]+ ms\\n\\n--- \\S+ ping statistics ---\\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\\nrtt min/avg/max/mdev = [\\d./]+ ms\\n$`));
    const ns = await ok(a, "docker exec mesos-aaaa-1 nslookup ubuntu2.weave.local");
    expect(ns).toBe(`Server:\t\t172.17.0.1\nAddress:\t172.17.0.1#53\n\nName:\tubuntu2.weave.local\nAddress: ${cb[1]!.weave!.ip}\n\n`);
    // A shell script inside the container: its tools only, so a missing one is the shell's "not found".
    const script = await b.exec(`docker exec mesos-bbbb-1 sh -c 'getent hosts ubuntu2.weave.local | cut -d" " -f1; ping -c 1 ${ca[0]!.weave!.ip}'`);
    expect(script).toMatchObject({ code: 127, stdout: `${cb[1]!.weave!.ip}\n`, stderr: "sh: 1: ping: not found\n" });
    // The container outside Weave resolves nothing in weave.local.
    expect(await b.exec("docker exec mesos-bbbb-3 getent hosts ubuntu1.weave.local")).toMatchObject({ code: 2, stdout: "" });
    expect(await ok(b, "docker exec mesos-bbbb-3 cat /etc/resolv.conf")).not.toContain("172.17.0.1");
  });

  it("injected faults: a name answering one IP of two, a connection stuck connecting, a router down", async () => {
    const [ca, cb] = [await containersOf(a), await containersOf(b)];
    await setFaults(b, { partialDns: { ubuntu1: cb[0]!.weave!.ip } });
    expect(await ok(b, "docker exec mesos-bbbb-2 getent hosts ubuntu1.weave.local")).toBe(`${cb[0]!.weave!.ip.padEnd(15)} ubuntu1.weave.local\n`);
    await setFaults(b, {});

    await setFaults(a, { connecting: [b.address] });
    await ok(a, "weave status >/dev/null");
    expect(await ok(a, "weave status connections")).toBe(`-> ${`${b.address}:6783`.padEnd(21)} connecting   \n`);
    const lonely = JSON.parse(await ok(a, REPORT));
    expect(lonely.Router.Connections).toEqual([expect.objectContaining({ State: "connecting", Info: "" })]);
    expect(lonely.DNS.Entries.map((e: { ContainerID: string }) => e.ContainerID)).toEqual([ca[0]!.Id]);
    expect(await a.exec(`docker exec mesos-aaaa-1 ping -c 1 -W 1 ${cb[0]!.weave!.ip}`)).toMatchObject({ code: 1 });

    await setFaults(a, { routerDown: true });
    await ok(a, "weave status >/dev/null 2>&1 || true");
    expect(await a.exec(REPORT)).toMatchObject({ code: 7, stdout: "" });
    expect(await a.exec("weave status")).toMatchObject({ code: 1, stderr: "weave container is not running.\n" });
    expect(JSON.parse(await ok(b, REPORT)).Router.Connections).toEqual([expect.objectContaining({ State: "failed" })]);
    await setFaults(a, {});
    await ok(a, "weave status >/dev/null");
  });

  it("a stopped container leaves a tombstone, skipped by weave status dns", async () => {
    const [ca] = [await containersOf(a)];
    await ok(a, `${PROXY} stop -t 0 mesos-aaaa-1 >/dev/null`);
    const entries = JSON.parse(await ok(b, REPORT)).DNS.Entries;
    const tomb = entries.find((e: { ContainerID: string }) => e.ContainerID === ca[0]!.Id);
    expect(tomb.Tombstone).toBeGreaterThan(0);
    expect(await ok(b, "weave status dns")).not.toContain(ca[0]!.Id.slice(0, 12));
    expect(await ok(b, "weave status")).toContain("        Entries: 2\n");
  });
});
