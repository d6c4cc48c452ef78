import { clusterSettingsSchema } from "../cluster/clusterSettingsSchema.ts";
import { db } from "../db/client.ts";
import type { RecipeNode } from "../recipes/recipeTypes.ts";
import { GATE_STEP_ID } from "./healthGate.ts";
import type { InstalledSettings } from "./upgradeVersions.ts";

// What each node runs, from the runs that changed it: the settings snapshot (PlanRun.settings) of the
// newest run that installed Mesos on it (mesos.install), or whose health gate it passed in an upgrade.
// Upgrade runs' own mesos.install jobs do not count: a node only runs the new version once its gate held.

export async function installedSettings(clusterId: number, nodes: RecipeNode[]): Promise<InstalledSettings> {
  const jobs = await db.job.findMany({
    where: {
      status: "succeeded",
      nodeId: { in: nodes.map((n) => n.id) },
      planRun: { clusterId },
      OR: [{ stepId: "mesos.install", planRun: { plan: { not: "upgrade" } } }, { stepId: GATE_STEP_ID, planRun: { plan: "upgrade" } }],
    },
    orderBy: { finishedAt: "desc" },
    select: { nodeId: true, planRun: { select: { settings: true } } },
  });
  const found: InstalledSettings = new Map(nodes.map((n) => [n.id, null]));
  for (const job of jobs) {
    if (found.get(job.nodeId)) continue;
    const parsed = clusterSettingsSchema.safeParse(JSON.parse(job.planRun.settings));
    if (parsed.success) found.set(job.nodeId, parsed.data);
  }
  return found;
}
