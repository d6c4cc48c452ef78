import { apiRoute } from "@/lib/api/apiRoute";
import { clusterIdParam } from "@/lib/cluster/clusters";
import { pendingUpgrade } from "@/lib/upgrade/planUpgrade";
import { describeChange } from "@/lib/upgrade/upgradeVersions";

/** What the cluster's nodes run against its settings: the upgrade to offer, or no changes. */
export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params }) => {
  const changes = await pendingUpgrade(await clusterIdParam(params.id));
  return { changes: changes.map((c) => ({ ...c, text: describeChange(c) })) };
});
