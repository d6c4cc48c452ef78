import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../cluster/clusterSettingsSchema.ts";
import { evaluateToolchain } from "./evaluateToolchain.ts";
import type { ProbeValues } from "./probeOutput.ts";

const probe = (v: Record<string, string>): ProbeValues => new Map(Object.entries(v).map(([k, x]) => [k, [x]]));
const debian12 = { arch: "x86_64", os_id: "debian", os_version: "12", gcc: "12.2.0", javac: "javac 17.0.15" };
const agent = { isMaster: false };
const master = { isMaster: true };

describe("the toolchain check", () => {
  it("is green for the combination docs/builds.md proved (Mesos 1.11.0, Debian 12, GCC 12, x86_64)", () => {
    const r = evaluateToolchain(DEFAULT_SETTINGS, agent, probe(debian12));
    expect(r.status).toBe("ok");
    expect(r.detail).toContain("Mesos 1.11.0 on Debian 12 with GCC 12.2.0 (x86_64): proven");
  });

  it("warns outside it, naming the combination and the setting that leads back", () => {
    const r = evaluateToolchain(DEFAULT_SETTINGS, agent, probe({ ...debian12, arch: "aarch64", os_id: "ubuntu", os_version: "24.04", gcc: "13.2.0" }));
    expect(r.status).toBe("warn");
    expect(r.detail).toContain("Mesos 1.11.0 on Ubuntu 24.04 with GCC 13.2.0 (aarch64) is not a combination a real build proved");
    expect(r.detail).toContain("mesosVersion");
  });

  it("uses the release's own GCC before Prepare has installed one", () => {
    const r = evaluateToolchain({ ...DEFAULT_SETTINGS, mesosDisableWerror: false }, agent, probe({ ...debian12, gcc: "" }));
    expect(r.status).toBe("warn");
    expect(r.detail).toContain("GCC 12 (build-essential, once Prepare installs it)");
    expect(r.detail).toContain("turn on mesosDisableWerror");
  });

  it("names each setting that makes the proven combination fail: -Werror, Python 2, Mesos 1.4.0 with JDK 17", () => {
    const r = evaluateToolchain({ ...DEFAULT_SETTINGS, mesosVersion: "1.4.0", mesosDisableWerror: false, mesosDisablePython: false }, agent, probe(debian12));
    expect(r.status).toBe("warn");
    for (const words of ["xlocale", "mesosDisableWerror", "mesosDisablePython", "javah need JDK 8, not 17"]) expect(r.detail).toContain(words);
  });

  it("on a master, says Marathon's build expects JDK 8 and where to get one", () => {
    const onDebian = evaluateToolchain(DEFAULT_SETTINGS, master, probe(debian12));
    expect(onDebian.status).toBe("warn");
    expect(onDebian.detail).toContain("not proven with JDK 17 (openjdk-17-jdk-headless)");
    const onUbuntu = evaluateToolchain(DEFAULT_SETTINGS, master, probe({ ...debian12, os_id: "ubuntu", os_version: "22.04", gcc: "11.4.0", javac: "javac 1.8.0_392" }));
    expect(onUbuntu.detail).not.toContain("Marathon");
  });

  it("warns when apt offers no package for the chosen JDK", () => {
    const r = evaluateToolchain({ ...DEFAULT_SETTINGS, jdkPackage: "openjdk-8-jdk-headless" }, agent, probe({ ...debian12, javac: "sh: 1: javac: not found", jdk_candidate: "(none)" }));
    expect(r.status).toBe("warn");
    expect(r.detail).toContain("apt has no candidate for openjdk-8-jdk-headless");
    expect(r.detail).toContain("Debian 12 packages openjdk-17-jdk-headless");
  });
});
