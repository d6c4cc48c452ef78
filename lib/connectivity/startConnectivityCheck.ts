import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { getCluster } from "../cluster/clusters.ts";
import { getClusterSettings } from "../cluster/clusterSettings.ts";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { ConflictError } from "../errors.ts";
import { createId } from "../jobs/createId.ts";
import { publishPlanRunUpdate } from "../jobs/logPublisher.ts";
import { wakeRunner } from "../jobs/runnerSignal.ts";
import { nodeFactsSchema } from "../nodes/nodeFacts.ts";
import type { StartConnectivityReply, StartConnectivityRequest } from "./connectivityContract.ts";
import { groupContainers, type GroupNode } from "./groupContainers.ts";
import { groupSnapshot } from "./groupSnapshot.ts";
import { locateWeaveIps } from "./locateWeaveIps.ts";
import { nodeCheckScript } from "./nodeCheckScript.ts";
import { nodePlans, planLayout } from "./planCheck.ts";

// POST …/groups/{groupId}/connectivity: plans the matrix from the poller's caches and each node's
// Weave, then writes one plan run with one job per node (the runner runs it detached, with a live
// log, like any runbook step) and the layout its output is read back against.

function aliases(node: { name: string; address: string; facts: string | null }): string[] {
  const facts = node.facts ? nodeFactsSchema.safeParse(JSON.parse(node.facts)) : null;
  const more = facts?.success ? [facts.data.hostname, facts.data.ip] : [];
  return [node.name, node.address, ...more].filter((a): a is string => !!a).map((a) => a.toLowerCase());
}

/** Audited either way: a check refused (no containers, Marathon down) is recorded with its reason. */
export async function startConnectivityCheck(clusterId: number, groupId: string, request: StartConnectivityRequest, actor: AuditActor): Promise<StartConnectivityReply> {
  try {
    return await start(clusterId, groupId, request, actor);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await recordAuditEvent({ actor, action: "connectivity.check", target: groupId, result: "failure", detail: { clusterId, groupId, reason } }).catch(() => undefined);
    throw error;
  }
}

async function start(clusterId: number, groupId: string, request: StartConnectivityRequest, actor: AuditActor): Promise<StartConnectivityReply> {
  const cluster = await getCluster(clusterId);
  if (cluster.kind !== "provisioned") throw new ConflictError("The connectivity check runs on the cluster's nodes over SSH; an adopted cluster has no nodes in Armdeck");
  const { group, state } = await groupSnapshot(clusterId, groupId);
  const rows = await db.node.findMany({ where: { clusterId }, select: { id: true, name: true, address: true, facts: true, username: true } });
  const nodes: GroupNode[] = rows.map((n) => ({ id: n.id, name: n.name, aliases: aliases(n) }));
  const found = groupContainers(group, state, nodes);
  if (found.containers.length === 0) throw new ConflictError(`Group ${groupId} has no running container on this cluster's nodes to check from${found.notes.length ? `: ${found.notes.join("; ")}` : ""}`);

  const located = await locateWeaveIps(found.containers, new Map(rows.map((n) => [n.id, n.username])), env().ARMDECK_SSH_TIMEOUT_MS);
  const layout = planLayout(groupId, found.containers, (c) => located.ips.get(`${c.nodeId} ${c.container}`) ?? null, [...found.notes, ...located.notes], request.installPing);
  const plans = nodePlans(layout);
  const settings = await getClusterSettings(clusterId);
  const runId = createId();
  const title = `Connectivity check of ${groupId}`;
  const nameOf = new Map(rows.map((n) => [n.id, n.name]));
  const jobs = [...plans.entries()].map(([nodeId, plan], seq) => ({
    id: createId(),
    planRunId: runId,
    seq,
    nodeId,
    nodeName: nameOf.get(nodeId)!,
    component: "connectivity",
    stepId: "connectivity.check",
    title: `Resolve ${layout.names.length} names and ping ${layout.targets.length} IPs from ${plan.containers.length} containers`,
    mutating: false,
    dependsOn: "[]",
    script: nodeCheckScript(plan, `${title} on ${nameOf.get(nodeId)}`),
    status: "queued",
    createdBy: actor.username,
  }));
  await db.$transaction([
    db.planRun.create({
      data: { id: runId, clusterId, plan: "connectivity", title, scope: JSON.stringify({ groupId, nodeIds: [...plans.keys()] }), status: "queued", settings: JSON.stringify(settings), createdBy: actor.username },
    }),
    db.job.createMany({ data: jobs }),
    db.connectivityCheck.create({ data: { planRunId: runId, clusterId, groupId, layout } }),
  ]);
  await recordAuditEvent({ actor, action: "connectivity.check", target: runId, result: "success", detail: { clusterId, groupId, containers: layout.containers.length, nodes: jobs.length, installPing: request.installPing } });
  publishPlanRunUpdate({ id: runId, status: "queued" });
  wakeRunner();
  return { runId, groupId, containers: layout.containers.length, nodes: jobs.length };
}
