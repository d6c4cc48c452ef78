import { oneLine } from "../shell/oneLine.ts";
import { say } from "../shell/say.ts";
import type { RecipeContext, StepDef } from "./recipeTypes.ts";

/**
 * The whole script a job runs on a node: header, strict mode, the check (in a subshell, so its
 * `exit` cannot end the script) and the run part.
 */
export function stepScript(step: StepDef, ctx: RecipeContext, planTitle: string): string {
  const lines = [
    "#!/bin/sh",
    // Names and the node-reported architecture only ever appear in this comment, kept to one line.
    `# Armdeck · ${oneLine(planTitle)} · ${oneLine(step.title)} · node ${oneLine(ctx.node.name)} (${oneLine(ctx.node.arch)})`,
    "set -eu",
    "export DEBIAN_FRONTEND=noninteractive LC_ALL=C",
  ];
  if (step.check) {
    lines.push(
      "armdeck_check() (",
      indent(step.check(ctx)),
      ")",
      "if armdeck_check >/dev/null 2>&1; then",
      `  ${say(`${step.id}: already done (its check passed), skipping`)}`,
      "  exit 0",
      "fi",
    );
  }
  // Tracing shows each command as it runs ("+ make -j4"), so a failure names its command.
  lines.push(say(`${step.id}: ${step.title}`), "PS4='+ '", "set -x", step.run(ctx));
  return lines.join("\n") + "\n";
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => (l ? `  ${l}` : l))
    .join("\n");
}
