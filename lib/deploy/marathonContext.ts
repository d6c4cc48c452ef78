// What the check needs from Marathon's cached group tree: which ids exist (for dependencies and
// for POST versus PUT) and where the apps run now (for the fit).

import type { MarathonGroup } from "../marathon/marathonSchemas.ts";
import type { RunningApp } from "./groupFit.ts";
import type { KnownIds } from "./validateDependencies.ts";

export interface MarathonContext extends KnownIds {
  running: ReadonlyMap<string, RunningApp>;
}

export const EMPTY_MARATHON: MarathonContext = { apps: new Set(), groups: new Set(), running: new Map() };

const LIVE = new Set(["TASK_RUNNING", "TASK_STAGING", "TASK_STARTING"]);

export function marathonContext(root: MarathonGroup | undefined): MarathonContext {
  if (!root) return EMPTY_MARATHON;
  const apps = new Set<string>();
  const groups = new Set<string>();
  const running = new Map<string, RunningApp>();
  const stack: MarathonGroup[] = [root];
  while (stack.length) {
    const g = stack.pop()!;
    groups.add(g.id);
    for (const a of g.apps ?? []) {
      apps.add(a.id);
      const agentIds = (a.tasks ?? []).filter((t) => !t.state || LIVE.has(t.state)).map((t) => t.slaveId ?? "").filter(Boolean);
      running.set(a.id, { cpus: a.cpus, memMb: a.mem, diskMb: a.disk, agentIds });
    }
    stack.push(...(g.groups ?? []));
  }
  return { apps, groups, running };
}
