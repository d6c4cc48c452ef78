import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../cluster/clusterSettingsSchema.ts";
import type { RecipeNode } from "../recipes/recipeTypes.ts";
import { buildPlan } from "./buildPlan.ts";
import { renderRunbook } from "./renderRunbook.ts";

const nodes: RecipeNode[] = [
  { id: "m", name: "od1000-1", address: "192.0.2.10", arch: "aarch64", cpus: 4, systemd: true, isMaster: true, isAgent: true },
  { id: "a", name: "od1000-0", address: "192.0.2.11", arch: "aarch64", cpus: 4, systemd: false, isMaster: false, isAgent: true },
];

describe("renderRunbook", () => {
  it("is a valid shell script with one function per node, every step in order", () => {
    const plan = buildPlan("bring-up", DEFAULT_SETTINGS, nodes);
    const text = renderRunbook(plan, new Date("2026-11-26T00:00:00Z"));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "armdeck-runbook-")), "runbook.sh");
    fs.writeFileSync(file, text);
    execFileSync("/bin/sh", ["-n", file]); // throws on a syntax error
    expect(text).toContain("run_od1000_1() {");
    expect(text).toContain("run_od1000_0() {");
    const master = text.slice(text.indexOf("run_od1000_1() {"), text.indexOf("run_od1000_0() {"));
    expect(master.indexOf("mesos.fix-config-guess")).toBeGreaterThan(master.indexOf("mesos.make-first-pass"));
    expect(master).toContain("systemctl enable armdeck-mesos-master");
    const agent = text.slice(text.indexOf("run_od1000_0() {"));
    expect(agent).toContain("# first wait for: mesos-master.start on od1000-1");
    // Usage without a node name: a clear message and exit status 2.
    let status = 0;
    try {
      execFileSync("/bin/sh", [file], { stdio: "pipe" });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(2);
  });

  it("shows the configure arguments today's compilers and autoconf need, each with why, and only those the settings ask for", () => {
    const git = renderRunbook(buildPlan("build", DEFAULT_SETTINGS, nodes), new Date(0));
    expect(git).toContain("../configure 'ac_cv_lib_z_deflate__gzread__gzwrite__inflate=yes' '--disable-werror' '--disable-python'\n");
    expect(git).toMatch(/# --disable-python: Mesos's Python bindings need Python 2/);
    expect(git).toMatch(/# --disable-werror: GCC 9\+ warns/);
    expect(git).toMatch(/# ac_cv_lib_z_deflate__gzread__gzwrite__inflate=yes: autoconf 2\.70\+/);
    const tarball = renderRunbook(buildPlan("build", { ...DEFAULT_SETTINGS, mesosSource: "tarball" }, nodes), new Date(0));
    expect(tarball).toContain("../configure '--disable-werror' '--disable-python'\n");
    const bare = renderRunbook(buildPlan("build", { ...DEFAULT_SETTINGS, mesosDisableWerror: false, mesosZlibCheckFix: false, mesosDisablePython: false }, nodes), new Date(0));
    expect(bare).toContain("\n../configure\n");
  });
});
