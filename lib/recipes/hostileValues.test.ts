// Every step of every plan, built from hostile setting and node values (as if validation were
// bypassed), executed by /bin/sh in a throw-away mount namespace with every tool stubbed out:
// no payload may run. A control script that does interpolate a value raw proves the trap works.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type ClusterSettings } from "../cluster/clusterSettingsSchema.ts";
import { buildSteps, prepareSteps, startSteps, statusSteps, stopSteps } from "./catalog.ts";
import { recipeContext } from "./recipeContext.ts";
import type { RecipeNode } from "./recipeTypes.ts";
import { stepScript } from "./stepScript.ts";

const base = `/run/armdeck-hostile-${crypto.randomBytes(4).toString("hex")}`;
const canary = `${base}/canary`;
const stubs = `${base}/stubs`;
const work = `${base}/work`;
const payload = (tag: string) =>
  `x$(echo ${tag}1 >> ${canary})'; echo ${tag}2 >> ${canary}; '"; echo ${tag}3 >> ${canary}; "\`echo ${tag}4 >> ${canary}\`\necho ${tag}5 >> ${canary}\n`;

const TOOLS = "apt-get apt-key dpkg-query git curl wget tar sed cat mkdir cp mv chmod rm find cmp ls sort tail head grep make ldconfig sbt docker weave nc sleep systemctl setsid touch mktemp nproc date id sudo env bootstrap configure awk".split(" ");

function sandboxRun(script: string): void {
  // Private mounts hide everything a step could write to; the tools are stubs that do nothing.
  const masks = ["/etc", "/opt", "/usr/local", "/var", "/tmp", "/root", "/home", "/srv"].map((d) => `mount -t tmpfs armdeck ${d}`).join(" && ");
  execFileSync("unshare", ["--mount", "--propagation", "private", "/bin/sh", "-c", `${masks} && cd ${work} && exec env -i PATH=${stubs} HOME=/tmp /bin/sh -c "$0"`, script], {
    stdio: "ignore",
    timeout: 20_000,
  }).toString();
}

function run(script: string): void {
  try {
    sandboxRun(script);
  } catch {
    // Failing commands are expected (stubs print nothing); only the canary matters.
  }
}

const hostileSettings = Object.fromEntries(
  Object.entries(DEFAULT_SETTINGS).map(([k, v]) => [k, typeof v === "number" ? v : payload(k.slice(0, 4))]),
) as unknown as ClusterSettings;

const node = (id: string, systemd: boolean, arch: string): RecipeNode => ({
  id,
  name: payload("name"),
  address: payload("addr"),
  arch,
  cpus: 2,
  systemd,
  isMaster: true,
  isAgent: true,
});

beforeAll(() => {
  fs.mkdirSync(stubs, { recursive: true });
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(path.join(stubs, "stub"), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
  for (const t of TOOLS) fs.symlinkSync(path.join(stubs, "stub"), path.join(stubs, t));
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe("hostile values never run", () => {
  it("the trap catches a raw interpolation (control)", () => {
    fs.rmSync(canary, { force: true });
    run(`eval "v=${payload("ctl").replace(/"/g, '\\"')}"`);
    run(`echo ${payload("ctl2")}`);
    expect(fs.existsSync(canary)).toBe(true);
  });

  const steps = [...prepareSteps, ...buildSteps, ...startSteps(), ...stopSteps(), ...statusSteps()];
  for (const systemd of [false, true]) {
    for (const arch of ["aarch64", "x86_64"]) {
      it(`no payload runs in any step's check or run part (systemd ${systemd}, ${arch})`, () => {
        fs.rmSync(canary, { force: true });
        const n = node("n1", systemd, arch);
        const peer = { ...node("n2", systemd, arch), address: payload("peer") };
        const ctx = recipeContext(hostileSettings, n, [n, peer]);
        let ran = 0;
        for (const step of steps) {
          if (step.appliesTo && !step.appliesTo(ctx)) continue;
          let parts: string[];
          try {
            parts = [...(step.check ? [step.check(ctx)] : []), step.run(ctx), stepScript(step, ctx, payload("plan"))];
          } catch (error) {
            // Refusing to build a script from such values is safe too (systemd units do).
            expect(String(error)).toMatch(/Refusing/);
            continue;
          }
          for (const part of parts) run(part);
          ran++;
        }
        expect(ran).toBeGreaterThan(15);
        expect(fs.existsSync(canary) ? fs.readFileSync(canary, "utf8") : "").toBe("");
      });
    }
  }
});
