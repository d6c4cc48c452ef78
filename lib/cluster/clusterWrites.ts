import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { db } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { ConflictError, ValidationError } from "../errors.ts";
import { reloadPollerFor, stopPollerFor } from "../upstream/pollers.ts";
import { getCluster, toClusterView, type ClusterView } from "./clusters.ts";
import type { CreateClusterInput, UpdateClusterInput } from "./clusterInput.ts";
import { probeEndpoints, probeSummary, type EndpointProbe } from "./probeEndpoints.ts";

// Registering, changing and removing clusters. Every write is audited with the probe's outcome;
// a change of endpoints or a removal stops the cluster's poller so the next one uses what is saved.

export type ClusterWithProbe = ClusterView & { probe: EndpointProbe[] };

function nameTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function withProbe(id: number): Promise<ClusterWithProbe> {
  const cluster = await getCluster(id);
  return { ...toClusterView(cluster), probe: await probeEndpoints(cluster.endpoints) };
}

export async function createCluster(input: CreateClusterInput, actor: AuditActor): Promise<ClusterWithProbe> {
  const given = (input.mesosMasters?.length ?? 0) + (input.marathon?.length ?? 0) > 0;
  // A new cluster has no nodes yet: endpoints given means someone else runs it.
  const kind = input.kind ?? (given ? "adopted" : "provisioned");
  if (kind === "adopted" && !input.mesosMasters?.length) {
    throw new ValidationError({ mesosMasters: "An adopted cluster needs at least one Mesos master URL" });
  }
  let id: number;
  try {
    ({ id } = await db.cluster.create({
      data: {
        name: input.name,
        kind,
        mesosMasters: input.mesosMasters ?? [],
        marathon: input.marathon ?? [],
        settings: kind === "provisioned" ? {} : Prisma.DbNull,
        createdBy: actor.username,
      },
    }));
  } catch (error) {
    if (nameTaken(error)) throw new ValidationError({ name: `A cluster named ${input.name} already exists` });
    throw error;
  }
  const result = await withProbe(id);
  await recordAuditEvent({ actor, action: "cluster.create", target: input.name, result: "success", detail: { id, kind, mesosMasters: result.mesosMasters, marathon: result.marathon, probe: probeSummary(result.probe) } });
  return result;
}

export async function updateCluster(id: number, input: UpdateClusterInput, actor: AuditActor): Promise<ClusterWithProbe> {
  const before = await getCluster(id);
  if (before.kind === "adopted" && input.mesosMasters && input.mesosMasters.length === 0) {
    throw new ValidationError({ mesosMasters: "An adopted cluster needs at least one Mesos master URL" });
  }
  try {
    await db.cluster.update({ where: { id }, data: { name: input.name, mesosMasters: input.mesosMasters, marathon: input.marathon, updatedBy: actor.username } });
  } catch (error) {
    if (nameTaken(error)) throw new ValidationError({ name: `A cluster named ${input.name} already exists` });
    throw error;
  }
  await reloadPollerFor(String(id));
  const result = await withProbe(id);
  const changed = Object.fromEntries(
    (["name", "mesosMasters", "marathon"] as const).filter((k) => input[k] !== undefined).map((k) => [k, { from: before[k], to: input[k] }]),
  );
  await recordAuditEvent({ actor, action: "cluster.update", target: result.name, result: "success", detail: { id, changed, probe: probeSummary(result.probe) } });
  return result;
}

/** Refuses a cluster that still has nodes (delete them first: they hold pinned keys and
 * credentials) or a run in progress; its finished plan runs go with it, and the reply counts them. */
export async function deleteCluster(id: number, actor: AuditActor): Promise<{ deleted: { id: number; name: string; kind: string; planRuns: number } }> {
  const cluster = await getCluster(id);
  if (cluster.nodes.length > 0) {
    throw new ConflictError(`Cluster ${cluster.name} still has ${cluster.nodes.length} node(s) (${cluster.nodes.map((n) => n.name).join(", ")}): delete them first`);
  }
  const active = await db.planRun.count({ where: { clusterId: id, status: { in: ["queued", "running"] } } });
  if (active > 0) throw new ConflictError(`Cluster ${cluster.name} has ${active} plan run(s) in progress: cancel them or wait`);
  const planRuns = await db.planRun.count({ where: { clusterId: id } });
  await db.cluster.delete({ where: { id } });
  await stopPollerFor(String(id));
  await recordAuditEvent({ actor, action: "cluster.delete", target: cluster.name, result: "success", detail: { id, kind: cluster.kind, planRuns } });
  return { deleted: { id, name: cluster.name, kind: cluster.kind, planRuns } };
}
