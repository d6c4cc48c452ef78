import { apiRoute } from "@/lib/api/apiRoute";
import { clusterIdParam } from "@/lib/cluster/clusters";
import { getProbeRun } from "@/lib/preflight/getProbeRun";
import { probeRunIdSchema } from "@/lib/preflight/probeRequest";

type Params = { id: string; runId: string };

export const GET = apiRoute<Params>({ role: "viewer" }, async ({ params }) => {
  const clusterId = await clusterIdParam(params.id);
  return getProbeRun(clusterId, "preflight", probeRunIdSchema.parse(params.runId));
});
