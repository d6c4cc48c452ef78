import type { RecipeContext, StepDef } from "../recipes/recipeTypes.ts";
import { oneLine } from "../shell/oneLine.ts";
import { shQuote } from "../shell/quote.ts";
import { probeLineFunction } from "../preflight/probeOutput.ts";

/**
 * Every step's check for one node, and nothing else, in one script: each check runs in its own
 * subshell under the same strict mode as in a job (so its `exit` or a failing command ends only
 * that check), and one line per check says its exit code and its last output line.
 */
export function verifyScript(nodeName: string, checks: { step: StepDef; ctx: RecipeContext }[], nonce: string): string {
  const lines = ["#!/bin/sh", `# Armdeck · Verify · node ${oneLine(nodeName)} (checks only)`, "export LC_ALL=C", probeLineFunction(nonce)];
  checks.forEach(({ step, ctx }, i) => {
    lines.push(
      `armdeck_check_${i}() (`,
      "  set -eu",
      ...step.check!(ctx).split("\n").map((l) => `  ${l}`),
      ")",
      `echo ${shQuote(`[armdeck] verify: ${step.id}`)}`,
      `out=$(armdeck_check_${i} 2>&1 </dev/null); rc=$?`,
      `pf check:${i} "$rc $(printf '%s' "$out" | tail -n 1 | cut -c1-300)"`,
    );
  });
  lines.push("echo '[armdeck] verify: done'");
  return lines.join("\n") + "\n";
}
