import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../cluster/clusterSettingsSchema.ts";
import { evaluateNodeChecks } from "./evaluateNodeChecks.ts";
import { preflightTargets, type ProbeNode } from "./preflightTargets.ts";
import type { ProbeValues } from "./probeOutput.ts";

const node = (id: string, address: string, role: "both" | "agent"): ProbeNode => ({
  id, name: id, address, hostname: `${id}.lan`, arch: "aarch64", cpus: 4, systemd: true, isMaster: role === "both", isAgent: true,
});
const [masterPlan, agentPlan] = preflightTargets(DEFAULT_SETTINGS, [node("m1", "192.0.2.1", "both"), node("a1", "192.0.2.2", "agent")]);

const healthy = (extra: Record<string, string[]> = {}): ProbeValues =>
  new Map(Object.entries({
    arch: ["x86_64"], os_id: ["debian"], os_version: ["12"], os_pretty: ["Debian GNU/Linux 12 (bookworm)"], gcc: ["12.2.0"], javac: ["javac 17.0.15"], cpus: ["4"], mem_kb: [String(16 * 1024 * 1024)],
    disk_path: ["/opt"], disk_free_kb: [String(50 * 1024 * 1024)], sudo: ["root"], docker: ["/usr/bin/docker"], ss: ["yes"], nc: ["yes"],
    "resolve:0": ["192.0.2.1"], "resolve:1": ["192.0.2.2"], "reach:0": ["ok"], "reach:1": ["ok"], "reach:2": ["ok"],
    ...extra,
  }));
const byCheck = (checks: { check: string; status: string; detail: string }[]) => Object.fromEntries(checks.map((c) => [c.check, c]));

describe("one node's findings", () => {
  it("a healthy agent is green on every check its role has", () => {
    const checks = byCheck(evaluateNodeChecks(DEFAULT_SETTINGS, agentPlan!, healthy()));
    expect(Object.values(checks).filter((c) => c.status !== "ok")).toEqual([]);
    expect(Object.keys(checks).sort()).toEqual(
      ["arch", "os", "toolchain", "disk", "memory", "cpus", "sudo", "docker", "port:5051", "port:6783/tcp", "port:6783/udp", "port:6784/udp", "reach:master:5050", "reach:master:2181", "reach:peer:6783", "resolve"].sort(),
    );
  });

  it("a port held on the node's address or on every address is red; on another address it is not", () => {
    const values = healthy({ listen: ["tcp 192.0.2.1:5050", "udp 0.0.0.0:6784", "tcp 192.0.2.9:8080", "tcp [::ffff:192.0.2.1]:2888"] });
    const checks = byCheck(evaluateNodeChecks(DEFAULT_SETTINGS, masterPlan!, values));
    expect(checks["port:5050"]).toMatchObject({ status: "fail" });
    expect(checks["port:5050"]!.detail).toContain("192.0.2.1:5050");
    expect(checks["port:6784/udp"]!.status).toBe("fail");
    expect(checks["port:8080"]!.status).toBe("ok");
    expect(checks["port:2181"]!.status).toBe("ok");
    expect(checks["port:2888"]!.status).toBe("fail");
  });

  it("a port this cluster's own running service holds is green", () => {
    const values = healthy({ listen: ["tcp 192.0.2.1:5050"], service_up: ["mesos-master"] });
    expect(byCheck(evaluateNodeChecks(DEFAULT_SETTINGS, masterPlan!, values))["port:5050"]!.status).toBe("ok");
  });

  it("a small disk, little memory, too many make jobs, no sudo, an unresolvable peer and an unreachable master, each with its fix", () => {
    const values = healthy({ disk_free_kb: ["1048576"], mem_kb: [String(3 * 1024 * 1024)], sudo: ["no"], "resolve:0": [""], "reach:0": ["no: nc: connect to 192.0.2.1 port 5050 (tcp) failed: Connection refused"] });
    const checks = byCheck(evaluateNodeChecks(DEFAULT_SETTINGS, agentPlan!, values));
    expect(checks.disk).toMatchObject({ status: "fail" });
    expect(checks.disk!.detail).toContain("1.0 GB free on /opt");
    expect(checks.memory!.status).toBe("warn");
    expect(checks.cpus).toMatchObject({ status: "warn" });
    expect(checks.cpus!.detail).toContain("make -j4");
    expect(checks.sudo!.detail).toContain("NOPASSWD");
    expect(checks.resolve!.detail).toContain("m1.lan");
    expect(checks["reach:master:5050"]!.detail).toContain("Connection refused");
    expect(checks["reach:master:2181"]!.status).toBe("ok");
  });
});
