import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/apiRoute";
import { clusterIdParam } from "@/lib/cluster/clusters";
import { probeRunRequestSchema } from "@/lib/preflight/probeRequest";
import { startPreflight } from "@/lib/preflight/startPreflight";

type Params = { id: string };

/** Starts preflight (read-only checks of every node); GET …/preflight/{runId} has the findings. */
export const POST = apiRoute<Params>({ role: "operator" }, async ({ params, body, actor }) => {
  const clusterId = await clusterIdParam(params.id);
  const req = await body(probeRunRequestSchema);
  const run = await startPreflight(clusterId, actor, req.nodeIds);
  return NextResponse.json({ id: run.id, clusterId }, { status: 201 });
});
