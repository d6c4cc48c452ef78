import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/apiRoute";
import { clusterIdParam } from "@/lib/cluster/clusters";
import { lastProbeRun } from "@/lib/preflight/getProbeRun";
import { probeRunRequestSchema } from "@/lib/preflight/probeRequest";
import { startVerify } from "@/lib/drift/startVerify";

type Params = { id: string };

/** Starts "Verify": every step's check on every node, nothing else; GET …/verify/{runId} lists what no longer holds. */
export const POST = apiRoute<Params>({ role: "operator" }, async ({ params, body, actor }) => {
  const clusterId = await clusterIdParam(params.id);
  const req = await body(probeRunRequestSchema);
  const run = await startVerify(clusterId, actor, req.nodeIds);
  return NextResponse.json({ id: run.id, clusterId }, { status: 201 });
});

/** The newest verify run of the cluster (running or ended), or null. */
export const GET = apiRoute<Params>({ role: "viewer" }, async ({ params }) => ({ last: await lastProbeRun(await clusterIdParam(params.id), "verify") }));
