import type { ClusterSettings } from "../cluster/clusterSettingsSchema.ts";
import { settingsWarnings } from "../cluster/clusterSettingsSchema.ts";
import { PlanError, type Plan, type PlannedJob } from "../plans/buildPlan.ts";
import { marathonBuildSteps } from "../recipes/components/marathonBuild.ts";
import { mesosBuildSteps } from "../recipes/components/mesosBuild.ts";
import { serviceSteps } from "../recipes/components/services.ts";
import { zookeeperSteps } from "../recipes/components/zookeeper.ts";
import { PLANS } from "../recipes/planKinds.ts";
import { mastersInOrder, mesosTree, recipeContext } from "../recipes/recipeContext.ts";
import { planTopology } from "../plans/planTopology.ts";
import { masterCountVerdict } from "../cluster/masterCount.ts";
import type { ComponentId, RecipeNode, StepDef } from "../recipes/recipeTypes.ts";
import { stepScript } from "../recipes/stepScript.ts";
import { say } from "../shell/say.ts";
import { gateChecks, gateStep } from "./healthGate.ts";
import { rollbackLine, writeRollbackScript, type RollbackTarget } from "./rollback.ts";
import { rollingOrder, type KnownLeader } from "./rollingOrder.ts";
import { ROLLBACK_SCRIPT_STEP_ID } from "./stepIds.ts";
import { weaveBeside, weaveFetchStep, weaveInstallStep } from "./weaveBeside.ts";
import { describeChange, UPGRADABLE_LABELS, versionChanges, type InstalledSettings, type VersionChange } from "./upgradeVersions.ts";

/** What the dry run, the runbook and the confirmation show of an upgrade beyond its jobs. */
export interface UpgradeOutline {
  changes: (VersionChange & { text: string })[];
  leaderKnown: boolean;
  phases: { title: string; text: string }[];
  order: { nodeId: string; nodeName: string; reason: string; gate: string[]; rollback: string }[];
}
export interface UpgradePlan extends Plan {
  upgrade: UpgradeOutline;
}

const BUILD_BESIDE = "Build beside: every node builds the new version in its own tree while the cluster runs; no service is touched.";
const ROLLING = "Rolling: one node at a time, stop its services, install the new version, start them, then a health gate; the first node that does not come back healthy stops the upgrade, with the command to roll it back.";

/** A step whose log says first how to roll this node back, so the run's failure text can repeat it. */
const withRollbackLine = (step: StepDef, line: string): StepDef => ({ ...step, run: (c) => `${say(withoutPrefix(line))}\n${step.run(c)}` });
const withoutPrefix = (line: string) => line.slice("[armdeck] ".length);

/**
 * The rolling upgrade of a provisioned cluster from what each node runs to its settings: phase 1
 * builds beside on every node in parallel, phase 2 restarts one node at a time (rollingOrder), each
 * node's first job waiting for the previous node's health gate.
 */
export function buildUpgradePlan(settings: ClusterSettings, nodes: RecipeNode[], installed: InstalledSettings, leader: KnownLeader): UpgradePlan {
  const masters = nodes.filter((n) => n.isMaster);
  const count = masterCountVerdict(masters.length);
  if (!count.ok) throw new PlanError(count.reason);
  const changes = versionChanges(settings, nodes, installed);
  if (changes.length === 0) throw new PlanError("Nothing to upgrade: every node runs the versions in the cluster's settings");
  const mesosChanges = new Set(changes.filter((c) => c.component === "mesos").flatMap((c) => c.nodes.map((n) => n.id)));
  const marathonChanges = new Set(changes.filter((c) => c.component === "marathon").flatMap((c) => c.nodes.map((n) => n.id)));
  const weaveChanges = new Set(changes.filter((c) => c.component === "weave").flatMap((c) => c.nodes.map((n) => n.id)));
  const touched = (n: RecipeNode) => mesosChanges.has(n.id) || marathonChanges.has(n.id) || weaveChanges.has(n.id);
  const order = rollingOrder(nodes.filter(touched), leader);
  // The versions in the title: the confirmation, the run's page and /runs name them.
  const title = `${PLANS.upgrade.title}: ${changes.map((c) => `${UPGRADABLE_LABELS[c.component]} ${c.from} → ${c.to}`).join(", ")}`;
  const versions = changes.map((c) => `${UPGRADABLE_LABELS[c.component]} ${c.to}`).filter((v, i, a) => a.indexOf(v) === i).join(", ");

  const jobs: PlannedJob[] = [];
  const add = (node: RecipeNode, step: StepDef, dependsOn: string[], ctxSettings = settings) => {
    const job = { key: `${node.id}:${step.id}`, seq: jobs.length, node, step, script: stepScript(step, recipeContext(ctxSettings, node, nodes), title), dependsOn };
    jobs.push(job);
    return job.key;
  };

  const targets = new Map<string, RollbackTarget>();
  for (const { node } of order) {
    const services: ComponentId[] = [];
    if (weaveChanges.has(node.id)) services.push("weave-router");
    if (mesosChanges.has(node.id) && node.isMaster) services.push("mesos-master");
    if (mesosChanges.has(node.id) && node.isAgent) services.push("mesos-agent");
    // Marathon links libmesos: a new Mesos restarts it too.
    if (node.isMaster && (mesosChanges.has(node.id) || marathonChanges.has(node.id))) services.push("marathon-service");
    targets.set(node.id, { node, old: installed.get(node.id)!, nodes, services, installsMesos: mesosChanges.has(node.id), installsWeave: weaveChanges.has(node.id) });
  }

  // Phase 1: build beside, in parallel across nodes, in step order on each.
  const built: string[] = [];
  for (const { node } of order) {
    const ctx = recipeContext(settings, node, nodes);
    const steps: StepDef[] = [];
    if (mesosChanges.has(node.id)) {
      steps.push(...mesosBuildSteps.filter((s) => s.id !== "mesos.install"));
      if (node.isMaster) steps.push(...zookeeperSteps);
    }
    if (marathonChanges.has(node.id)) steps.push(...marathonBuildSteps);
    const target = targets.get(node.id)!;
    if (weaveChanges.has(node.id)) steps.push(weaveFetchStep(target.old));
    steps.push({
      id: ROLLBACK_SCRIPT_STEP_ID,
      component: "mesos",
      title: `Write the rollback script (back to Mesos ${target.old.mesosVersion}, Marathon ${target.old.marathonVersion}${target.installsWeave ? `, Weave ${target.old.weaveVersion}` : ""})`,
      where: "all",
      after: [],
      mutating: true,
      run: () => writeRollbackScript(target),
    });
    let prev: string | undefined;
    for (const step of steps.filter((s) => !s.appliesTo || s.appliesTo(ctx))) {
      prev = add(node, step, prev ? [prev] : []);
      built.push(prev);
    }
  }

  // Phase 2: one node at a time; the first waits for every node's build.
  let gate: string[] = built;
  const outline: UpgradeOutline["order"] = [];
  for (const { node, reason } of order) {
    const target = targets.get(node.id)!;
    const line = rollbackLine(target);
    const pick = (action: "start" | "stop") => serviceSteps(action).filter((s) => target.services.includes(s.component));
    const install = mesosBuildSteps.find((s) => s.id === "mesos.install")!;
    const steps = [...pick("stop").reverse(), ...(target.installsMesos ? [install] : []), ...(target.installsWeave ? [weaveInstallStep] : []), ...pick("start")];
    let deps = gate;
    for (const step of steps) deps = [add(node, withRollbackLine(step, line), deps)];
    const checks = gateChecks(node, settings, masters, { weave: target.installsWeave });
    gate = [add(node, gateStep(checks, line, versions), deps)];
    outline.push({ nodeId: node.id, nodeName: node.name, reason, gate: checks.map((c) => c.text), rollback: withoutPrefix(line) });
  }

  const warnings = [...settingsWarnings(settings)];
  if (!leader) warnings.push("The leading master was unknown (no fresh /master/state): the masters are restarted in name order, and the last is last by position only.");
  if (mesosChanges.size) {
    warnings.push(`ZooKeeper keeps running from the old Mesos tree's 3rdparty/ (its data stays in ${settings.armdeckDir}/zookeeper); the new tree's zoo.cfg is written for the next Start.`);
  }
  return {
    kind: "upgrade",
    title,
    masters: mastersInOrder(nodes),
    topology: planTopology(nodes, settings.zookeeperPort),
    nodes,
    jobs,
    warnings,
    outline: [
      ...changes.map((c) => `Upgrade: ${describeChange(c)}`),
      `Phase 1. ${BUILD_BESIDE} Beside the running ones: ${[
        mesosChanges.size ? mesosTree(settings) : "",
        marathonChanges.size ? `the Marathon ${settings.marathonVersion} tree` : "",
        weaveChanges.size ? `the weave ${settings.weaveVersion} script (${weaveBeside(settings.weaveVersion)})` : "",
      ]
        .filter(Boolean)
        .join(", ")}.`,
      `Phase 2. ${ROLLING}`,
      ...outline.map((o, i) => `  ${i + 1}. ${o.nodeName}: ${o.reason}. Gate: ${o.gate.join("; ")}. If it fails: ${o.rollback}`),
    ],
    upgrade: {
      changes: changes.map((c) => ({ ...c, text: describeChange(c) })),
      leaderKnown: leader !== null,
      phases: [
        { title: "Build beside", text: BUILD_BESIDE },
        { title: "Rolling", text: ROLLING },
      ],
      order: outline,
    },
  };
}
