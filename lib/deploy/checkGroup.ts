// groups/check as a pure function of the body and what the poller last saw: validation (ids,
// tree, app fields, constraints, dependencies) and, when Mesos' state is known, the fit.

import type { MesosState } from "../mesos/mesosSchemas.ts";
import type { CheckReply } from "./deployContract.ts";
import { fitAgentsOf } from "./fitAgents.ts";
import { groupFit } from "./groupFit.ts";
import { isObject, walkGroup, type JsonObject } from "./groupTree.ts";
import { Issues } from "./issues.ts";
import type { MarathonContext } from "./marathonContext.ts";
import { validateApp } from "./validateApp.ts";
import { validateDependencies } from "./validateDependencies.ts";
import { validateTree } from "./validateTree.ts";

export interface CheckInput {
  body: unknown;
  marathon: MarathonContext;
  /** Null when Mesos could not be read: the fit is then not checked (a warning says so). */
  mesos: { state: MesosState; fetchedAt: string | null } | null;
  mesosProblem?: string;
  /** Skip the fit's verdict (an explicit force): the fit is still computed and shown. */
  skipFit?: boolean;
}

export function checkGroup(input: CheckInput): CheckReply {
  const issues = new Issues();
  const body: JsonObject = isObject(input.body) ? input.body : {};
  if (!isObject(input.body)) issues.error("", "The group must be a JSON object");
  const tree = walkGroup(body);
  validateTree(tree, issues);
  for (const app of tree.apps) validateApp(app, issues);
  validateDependencies(tree, input.marathon, issues);
  const { fit, refusalPaths } = groupFit({ apps: tree.apps, agents: input.mesos ? fitAgentsOf(input.mesos.state) : null, fetchedAt: input.mesos?.fetchedAt ?? null, running: input.marathon.running });
  if (!fit.checked) issues.warn("", `The fit against the agents was not checked: ${input.mesosProblem ?? "Mesos' state is not available"}`);
  for (const app of fit.apps) {
    if (app.ok) continue;
    if (input.skipFit) issues.warn(app.path, `Deployed anyway (force): ${app.explanation}`);
    else issues.error(refusalPaths.get(app.path) ?? app.path, app.explanation);
  }
  const groupId = tree.root.id ?? "";
  return { ok: issues.errors.length === 0, groupId, exists: groupId !== "" && input.marathon.groups.has(groupId), errors: issues.errors, warnings: issues.warnings, fit };
}
