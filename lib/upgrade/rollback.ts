import type { ClusterSettings } from "../cluster/clusterSettingsSchema.ts";
import { mesosBuildSteps } from "../recipes/components/mesosBuild.ts";
import { serviceSteps } from "../recipes/components/services.ts";
import { mesosTree, recipeContext } from "../recipes/recipeContext.ts";
import type { RecipeNode, StepDef } from "../recipes/recipeTypes.ts";
import { stepScript } from "../recipes/stepScript.ts";
import { shQuote } from "../shell/quote.ts";
import { ROLLBACK_LINE_PREFIX } from "./rollbackPrefix.ts";
import { putWeaveInPlace, weaveBeside } from "./weaveBeside.ts";

// How to put one node back on the versions it ran before an upgrade: a script written on the node
// before any service is touched, built from the old settings (the old trees' paths), so the command
// still works when Armdeck or the network is gone.

const MARKER = "ARMDECK_ROLLBACK";

export interface RollbackTarget {
  node: RecipeNode;
  /** The settings the node was installed from (its last install run's snapshot). */
  old: ClusterSettings;
  nodes: RecipeNode[];
  /** Service step components restarted on this node, in start order. */
  services: StepDef["component"][];
  installsMesos: boolean;
  /** The node's weave script changes: the rollback puts the old one (kept beside) back. */
  installsWeave: boolean;
}

export function rollbackScriptPath(t: Pick<RollbackTarget, "old" | "installsWeave">): string {
  const weave = t.installsWeave ? `-weave-${t.old.weaveVersion}` : "";
  return `${t.old.armdeckDir}/rollback/to-mesos-${t.old.mesosVersion}-marathon-${t.old.marathonVersion}${weave}.sh`;
}

const installStep = mesosBuildSteps.find((s) => s.id === "mesos.install")!;

/** The rollback script's text: stop the node's services, `make install` the old tree, start them from the old settings. */
export function rollbackScript(t: RollbackTarget): string {
  const ctx = recipeContext(t.old, t.node, t.nodes);
  const title = `Roll back to Mesos ${t.old.mesosVersion}`;
  const pick = (action: "start" | "stop") => serviceSteps(action).filter((s) => t.services.includes(s.component));
  const putWeaveBack: StepDef = { id: "rollback.weave", component: "weave", title: `Put weave ${t.old.weaveVersion} back`, where: "all", after: [], mutating: true, run: () => putWeaveInPlace(t.old.weaveVersion) };
  const parts = [...pick("stop").reverse(), ...(t.installsMesos ? [installStep] : []), ...(t.installsWeave ? [putWeaveBack] : []), ...pick("start")];
  const weave = t.installsWeave ? `, Weave ${t.old.weaveVersion}` : "";
  const lines = ["#!/bin/sh", `# Armdeck: roll this node back to Mesos ${t.old.mesosVersion} (${mesosTree(t.old)}) and Marathon ${t.old.marathonVersion}${weave}`, "set -eu"];
  for (const step of parts) lines.push("(", stepScript(step, ctx, title).trimEnd(), ") || exit 1");
  const text = lines.join("\n") + "\n";
  if (text.split("\n").includes(MARKER)) throw new Error("A rollback script line equals its here-document marker");
  return text;
}

/** The shell lines that write the rollback script on the node (a quoted here-document: nothing in it expands). */
export function writeRollbackScript(t: RollbackTarget): string {
  const file = shQuote(rollbackScriptPath(t));
  return [`mkdir -p ${shQuote(`${t.old.armdeckDir}/rollback`)}`, `cat > ${file} <<'${MARKER}'`, rollbackScript(t).trimEnd(), MARKER, `chmod 0700 ${file}`].join("\n");
}

/** One line for the failure text, the gate's log and the run page: the command and what it does. */
export function rollbackLine(t: RollbackTarget): string {
  const what = [
    t.services.length ? `stops ${t.services.join(", ")}` : "",
    t.installsMesos ? `runs make install in ${mesosTree(t.old)}/build and ldconfig` : "",
    t.installsWeave ? `puts back the weave ${t.old.weaveVersion} script kept in ${weaveBeside(t.old.weaveVersion)}` : "",
    t.services.length ? `starts them again from Mesos ${t.old.mesosVersion} and Marathon ${t.old.marathonVersion}${t.installsWeave ? ` and Weave ${t.old.weaveVersion}` : ""}` : "",
  ].filter(Boolean);
  return `${ROLLBACK_LINE_PREFIX}${t.node.name}: sh ${shQuote(rollbackScriptPath(t))} (as root; it ${what.join(", ")})`;
}
