import { apiRoute } from "@/lib/api/apiRoute";
import { clusterIdParam } from "@/lib/cluster/clusters";
import { groupIdParam, runIdParam } from "@/lib/connectivity/checkParams";
import { getConnectivityCheck } from "@/lib/connectivity/getConnectivityCheck";
import { NotFoundError } from "@/lib/errors";

type Params = { id: string; groupId: string; runId: string };

export const GET = apiRoute<Params>({ role: "viewer" }, async ({ params }) => {
  const groupId = groupIdParam(params.groupId);
  const check = await getConnectivityCheck(await clusterIdParam(params.id), runIdParam(params.runId));
  if (check.groupId !== groupId) throw new NotFoundError("Connectivity check of this group");
  return check;
});
