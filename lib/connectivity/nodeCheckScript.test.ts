import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CheckLayout } from "./checkLayout.ts";
import { connectivityCells, type NodePart } from "./connectivityCells.ts";
import { nodeCheckScript } from "./nodeCheckScript.ts";
import { parseCheckOutput } from "./parseCheckOutput.ts";
import { nodePlans, planLayout } from "./planCheck.ts";
import { ContainerFixture } from "./testing/containerFixture.ts";

// The node script run by a real /bin/sh against the Docker/Weave stand-in of testing/, read back
// and turned into cells: the runbook's basic.json (2 apps × 2 instances on 2 nodes).

const GROUP = "/arm-demo";
const C = [
  { app: "/arm-demo/group1/ubuntu1", task: "ubuntu1.t1", nodeId: "n0", node: "od1000-0", container: "mesos-aaaa-1", hostname: "ubuntu1.weave.local", ip: "10.32.0.1" },
  { app: "/arm-demo/group1/ubuntu1", task: "ubuntu1.t2", nodeId: "n1", node: "od1000-1", container: "mesos-bbbb-2", hostname: "ubuntu1.weave.local", ip: "10.40.0.1" },
  { app: "/arm-demo/group2/ubuntu2", task: "ubuntu2.t1", nodeId: "n0", node: "od1000-0", container: "mesos-cccc-3", hostname: "ubuntu2.weave.local", ip: "10.32.0.2" },
  { app: "/arm-demo/group2/ubuntu2", task: "ubuntu2.t2", nodeId: "n1", node: "od1000-1", container: "mesos-dddd-4", hostname: "ubuntu2.weave.local", ip: "10.40.0.2" },
];

let fx: ContainerFixture;

beforeEach(() => {
  fx = new ContainerFixture();
  for (const c of C) fx.addContainer({ name: c.container, ip: c.ip, hostname: c.hostname });
  fx.register("ubuntu1.weave.local", ["10.32.0.1", "10.40.0.1"]);
  fx.register("ubuntu2.weave.local", ["10.40.0.2", "10.32.0.2"]);
});
afterEach(() => fx.remove());

function layoutOf(installPing = false): CheckLayout {
  return planLayout(GROUP, C, (c) => C.find((x) => x.container === c.container)!.ip, [], installPing);
}

function runNode(script: string): string {
  return execFileSync("/bin/sh", ["-c", script], { env: fx.env(), encoding: "utf8", timeout: 30_000 });
}

function check(layout = layoutOf()) {
  const parts: NodePart[] = [...nodePlans(layout).entries()].map(([nodeId, plan]) => ({
    nodeId,
    final: true,
    failure: null,
    output: parseCheckOutput(runNode(nodeCheckScript(plan, "test"))),
  }));
  return connectivityCells(layout, parts);
}

const red = (cells: ReturnType<typeof check>) => cells.filter((c) => c.reachable !== true);

describe("the connectivity check's node script", () => {
  it("basic.json: 4 containers × (2 names + 4 IPs), all green, with both IPs per name and round-trip times", () => {
    const cells = check();
    expect(cells).toHaveLength(4 * (2 + 4));
    expect(red(cells)).toEqual([]);
    for (const c of cells.filter((x) => x.kind === "dns")) {
      const self = C.find((x) => x.container === c.from.container)!;
      const expected = c.to.name === self.hostname ? [self.ip] : c.to.name === "ubuntu1.weave.local" ? ["10.32.0.1", "10.40.0.1"] : ["10.32.0.2", "10.40.0.2"];
      expect([...c.dns!].sort()).toEqual(expected);
    }
    for (const c of cells.filter((x) => x.kind === "ping")) expect(c.rttMs).toBeGreaterThan(0);
    // One docker exec per container to look for ping and one to run its checks: not one per cell.
    expect([...fx.execs().values()]).toEqual([2, 2, 2, 2]);
  });

  it("a name that resolves to one IP of two: exactly its cells from the other app's containers are red, naming the missing one", () => {
    fx.register("ubuntu1.weave.local", ["10.32.0.1"]);
    const bad = red(check());
    // ubuntu1's own containers find their own name in /etc/hosts (getent), not in WeaveDNS.
    const others = C.filter((c) => c.hostname !== "ubuntu1.weave.local");
    expect(bad.map((c) => `${c.from.container} ${c.to.name}`).sort()).toEqual(others.map((c) => `${c.container} ubuntu1.weave.local`).sort());
    for (const c of bad) {
      expect(c.dns).toEqual(["10.32.0.1"]);
      expect(c.error).toContain("resolves ubuntu1.weave.local to 10.32.0.1 only");
      expect(c.error).toContain("10.40.0.1 (ubuntu1.t2 on od1000-1)");
    }
  });

  it("a node's router down (its containers' IPs unreachable): exactly the 8 cells to those IPs are red, saying what to check", () => {
    fx.down("10.40.0.1");
    fx.down("10.40.0.2");
    const bad = red(check());
    expect(bad.map((c) => `${c.from.container}>${c.to.ip}`).sort()).toEqual(C.flatMap((c) => [`${c.container}>10.40.0.1`, `${c.container}>10.40.0.2`]).sort());
    const fromOtherNode = bad.find((c) => c.from.node === "od1000-0" && c.to.ip === "10.40.0.1")!;
    expect(fromOtherNode.error).toContain("ubuntu1 on od1000-0 cannot reach 10.40.0.1 (ubuntu1 on od1000-1): 1 packets transmitted, 0 received, 100% packet loss");
    expect(fromOtherNode.error).toContain("TCP 6783 and UDP 6783-6784");
  });

  it("a container whose resolver is not WeaveDNS: its name cells say so in words", () => {
    const own = fs.readFileSync("/etc/resolv.conf", "utf8").match(/^nameserver\s+(\S+)/m)?.[1];
    fx.register("ubuntu1.weave.local", [], "mesos-cccc-3");
    fx.register("ubuntu2.weave.local", [], "mesos-cccc-3");
    const bad = red(check());
    // Its own name it still finds in its /etc/hosts.
    expect(bad.map((c) => `${c.from.container} ${c.to.name}`)).toEqual(["mesos-cccc-3 ubuntu1.weave.local"]);
    if (own && own !== "172.17.0.1") {
      expect(bad[0]!.error).toBe(
        `ubuntu2 on od1000-0 cannot resolve ubuntu1.weave.local: the container's resolver (nameserver ${own}) is not WeaveDNS (172.17.0.1); was it started through the Weave proxy?`,
      );
    }
  });

  it("without ping in the images it pings nothing and says what it would install; installs only when asked", () => {
    const bare = new ContainerFixture();
    try {
      fx.remove();
      fx = bare;
      for (const c of C) fx.addContainer({ name: c.container, ip: c.ip, hostname: c.hostname, hasPing: false });
      fx.register("ubuntu1.weave.local", ["10.32.0.1", "10.40.0.1"]);
      fx.register("ubuntu2.weave.local", ["10.40.0.2", "10.32.0.2"]);
      const asked = check();
      const pings = asked.filter((c) => c.kind === "ping");
      expect(pings.every((c) => c.reachable === false && c.wouldInstall === "iputils-ping")).toBe(true);
      expect(pings[0]!.error).toContain('"apt-get install -y iputils-ping"');
      expect(asked.filter((c) => c.kind === "dns").every((c) => c.reachable)).toBe(true);
      for (const c of C) expect(fs.existsSync(path.join(fx.dir, "containers", c.container, "bin/ping"))).toBe(false);

      expect(red(check(layoutOf(true)))).toEqual([]);
    } finally {
      bare.remove();
    }
  });

  it("hostile container names, names and IPs reach the shell as data: nothing runs", () => {
    const canary = path.join(fx.dir, "canary");
    const payloads = [`$(touch ${canary})`, `\`touch ${canary}\``, `'; touch ${canary}; '`, `"; touch ${canary}; "`, `\n touch ${canary}\n`];
    for (const p of payloads) {
      const script = nodeCheckScript({ containers: [{ row: 0, name: `mesos-aaaa-1${p}` }, { row: 1, name: C[0]!.container }], names: [{ column: 0, fqdn: `u${p}.weave.local` }], ips: [{ column: 1, ip: `10.32.0.1${p}` }], installPing: false }, `title ${p}`);
      const out = parseCheckOutput(runNode(script));
      expect(fs.existsSync(canary), p).toBe(false);
      // The good row still ran and asked the resolver the hostile name as one word.
      expect(out.rows.get(1)?.dns.get(0)?.code).toBe(2);
      expect(out.rows.get(0)?.dockerExit).toBe(1);
    }
  });

  it("a container cannot speak for another row: a hostile image's output is squeezed and prefixed with its own row", () => {
    // Its own `tr` (which the script uses inside it) prints a line that claims another row's cell.
    const forged = "armdeck-check C2 ping 5 1 via=container 100% packet loss";
    const tr = path.join(fx.dir, "containers", C[0]!.container, "bin/tr");
    expect(fs.lstatSync(tr).isSymbolicLink()).toBe(false);
    fs.rmSync(tr);
    fs.writeFileSync(tr, `#!/bin/sh\nprintf '\\n%s\\n' '${forged}'\n`, { mode: 0o755 });
    const plan = nodePlans(layoutOf()).get("n0")!;
    const out = parseCheckOutput(runNode(nodeCheckScript(plan, "test")));
    expect([...out.rows.keys()].sort()).toEqual([0, 2]);
    expect(out.rows.get(2)?.ping.get(5)?.code).toBe(0);
  });
});
