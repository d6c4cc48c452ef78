import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { factsScript } from "./factsScript.ts";
import { parseFacts } from "./nodeFacts.ts";

describe("facts script and parser", () => {
  it("keeps a reported address only when it is an IP, and an architecture only when it is a plain word", () => {
    expect(parseFacts("ssh_ip=not an ip; rm -rf /\narch=aarch64\n").ip).toBeNull();
    expect(parseFacts("ssh_ip=fd00::1\n").ip).toBe("fd00::1");
    expect(parseFacts("arch=aarch64 $(reboot)\n").arch).toBe("unknown");
  });

  it("reads this machine the way uname, nproc and /proc/meminfo do", () => {
    const facts = parseFacts(execFileSync("/bin/sh", ["-c", factsScript("/nonexistent/armdeck/work")], { encoding: "utf8" }));
    expect(facts.arch).toBe(execFileSync("uname", ["-m"], { encoding: "utf8" }).trim());
    expect(facts.kernel).toBe(execFileSync("uname", ["-r"], { encoding: "utf8" }).trim());
    expect(facts.cpus).toBe(Number(execFileSync("nproc", { encoding: "utf8" }).trim()));
    expect(facts.diskPath).toBe("/");
    expect(facts.diskFreeMb).toBeGreaterThan(0);
    expect(facts.memoryMb).toBeGreaterThan(0);
  });

  it("parses a captured aarch64 Ubuntu answer", () => {
    const facts = parseFacts(
      [
        "arch=aarch64",
        "kernel=4.4.0-98-generic",
        "hostname=od1000-1",
        "os_id=ubuntu",
        "os_name=Ubuntu",
        "os_version=16.04",
        "os_pretty=Ubuntu 16.04.3 LTS",
        "cpus=4",
        "mem_kb=16337248",
        "disk_path=/var/lib",
        "disk_free_kb=104857600",
        "sudo=yes",
        "tool_docker=/usr/bin/docker",
        "tool_java=",
        "tool_git=/usr/bin/git",
        "tool_automake=",
        "tool_make=/usr/bin/make",
        "systemd=yes",
        "ssh_ip=192.0.2.10",
      ].join("\n"),
    );
    expect(facts).toMatchObject({
      arch: "aarch64",
      os: "Ubuntu 16.04.3 LTS",
      cpus: 4,
      memoryMb: 15954,
      diskFreeMb: 102400,
      sudo: "passwordless",
      systemd: true,
      ip: "192.0.2.10",
      tools: { docker: "/usr/bin/docker", java: null, git: "/usr/bin/git", automake: null, make: "/usr/bin/make" },
    });
  });
});
