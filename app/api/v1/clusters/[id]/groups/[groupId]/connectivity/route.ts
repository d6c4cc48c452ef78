import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/apiRoute";
import { clusterIdParam } from "@/lib/cluster/clusters";
import { groupIdParam, startRequest } from "@/lib/connectivity/checkParams";
import { startConnectivityCheck } from "@/lib/connectivity/startConnectivityCheck";

type Params = { id: string; groupId: string };

export const POST = apiRoute<Params>({ role: "operator" }, async ({ req, params, actor }) => {
  const groupId = groupIdParam(params.groupId);
  const request = startRequest(await req.text());
  const clusterId = await clusterIdParam(params.id);
  return NextResponse.json(await startConnectivityCheck(clusterId, groupId, request, actor), { status: 201 });
});
