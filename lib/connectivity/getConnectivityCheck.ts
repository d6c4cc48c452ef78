import { db } from "../db/client.ts";
import { NotFoundError } from "../errors.ts";
import { isFinal } from "../jobs/jobStatus.ts";
import { logSize, readLog } from "../jobs/logStore.ts";
import { checkLayoutSchema } from "./checkLayout.ts";
import { connectivityCells, type NodePart } from "./connectivityCells.ts";
import { checkStatusSchema, type ConnectivityReply } from "./connectivityContract.ts";
import { parseCheckOutput } from "./parseCheckOutput.ts";

// GET …/connectivity/{runId}: the matrix as far as the nodes have got, read from each node job's
// log (this attempt's part) against the stored layout. Works while the check runs, so the page
// can fill cells in as the log arrives.

function attemptOutput(job: { id: string; attemptLogStart: number }): string {
  const size = logSize(job.id);
  if (size <= job.attemptLogStart) return "";
  return Buffer.concat(readLog(job.id, job.attemptLogStart, size - job.attemptLogStart).map((c) => c.data)).toString("utf8");
}

export async function getConnectivityCheck(clusterId: number, runId: string): Promise<ConnectivityReply> {
  const check = await db.connectivityCheck.findUnique({ where: { planRunId: runId }, include: { planRun: { include: { jobs: { orderBy: { seq: "asc" } } } } } });
  if (!check || check.clusterId !== clusterId) throw new NotFoundError("Connectivity check");
  const layout = checkLayoutSchema.parse(check.layout);
  const jobs = check.planRun.jobs;
  const parts: NodePart[] = jobs.map((j) => ({ nodeId: j.nodeId, final: isFinal(j.status), failure: j.failure, output: parseCheckOutput(attemptOutput(j)) }));
  const cells = connectivityCells(layout, parts);
  const status = checkStatusSchema.catch("failed").parse(check.planRun.status);
  return {
    runId,
    clusterId,
    groupId: check.groupId,
    status,
    createdAt: check.createdAt.toISOString(),
    containers: layout.containers.map((c) => ({ app: c.app, task: c.task, node: c.node, ip: c.ip, container: c.container })),
    names: layout.names,
    ips: layout.targets.map((t) => t.ip),
    cells,
    summary: {
      ok: cells.filter((c) => c.reachable === true).length,
      failed: cells.filter((c) => c.reachable === false).length,
      pending: cells.filter((c) => c.reachable === null).length,
    },
    notes: layout.notes,
    nodes: jobs.map((j) => ({ node: j.nodeName, jobId: j.id, status: j.status, failure: j.failure })),
    installPing: layout.installPing,
  };
}
