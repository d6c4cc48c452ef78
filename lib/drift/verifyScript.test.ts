import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseProbeOutput, probeNonce } from "../preflight/probeOutput.ts";
import type { RecipeContext, StepDef } from "../recipes/recipeTypes.ts";
import { driftMessage } from "./driftWords.ts";
import { verifyScript } from "./verifyScript.ts";

const step = (id: string, check: string): StepDef => ({ id, component: "mesos", title: id, where: "all", after: [], mutating: true, check: () => check, run: () => "echo MUST NOT RUN" });
const ctx = {} as RecipeContext;

describe("the verify script", () => {
  it("runs every check and only the checks: one that exits or fails a command ends only itself", () => {
    const nonce = probeNonce();
    const script = verifyScript("n1", [
      { step: step("a.one", "true"), ctx },
      { step: step("b.two", "echo first; echo 'it is gone' >&2; exit 3") },
      { step: step("c.three", "false\necho not reached") },
      { step: step("d.four", "[ -n \"${UNSET_VAR_X:-}\" ] || [ 1 = 1 ]") },
    ].map((c) => ({ ctx, ...c })), nonce);
    const out = execFileSync("/bin/sh", ["-c", script], { encoding: "utf8" });
    expect(out).not.toContain("MUST NOT RUN");
    const v = parseProbeOutput(out, nonce);
    expect([0, 1, 2, 3].map((i) => v.get(`check:${i}`)?.[0])).toEqual(["0", "3 it is gone", "1", "0"]);
  });

  it("says drift in words", () => {
    expect(driftMessage("mesos-agent.start", "od1000-0", "curl: (7) Failed to connect")).toBe("mesos-agent on od1000-0: not running, its health probe fails (curl: (7) Failed to connect)");
    expect(driftMessage("mesos.fix-config-guess", "od1000-0", "exit 1")).toBe("mesos.fix-config-guess on od1000-0: config.guess fix missing in a rebuilt tree (exit 1)");
  });
});
