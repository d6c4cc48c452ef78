import { z } from "zod";
import { db } from "../db/client.ts";
import { NotFoundError } from "../errors.ts";
import { nodeFactsSchema } from "../nodes/nodeFacts.ts";
import { parseClusterId, type ClusterKindName } from "./clusterInput.ts";
import { clusterEndpoints, type ClusterEndpoints, type EndpointNode } from "./clusterEndpoints.ts";
import { clusterSettingsSchema, type ClusterSettings } from "./clusterSettingsSchema.ts";

// Reading clusters. Json columns are parsed here, once, so callers get typed values.

const urlList = z.array(z.string()).catch([]);

export interface Cluster {
  id: number;
  name: string;
  kind: ClusterKindName;
  /** As stored: on a provisioned cluster [] means "derived" (see `endpoints`). */
  mesosMasters: string[];
  marathon: string[];
  /** A provisioned cluster's settings, defaults filled in; null for an adopted cluster. */
  settings: ClusterSettings | null;
  nodes: (EndpointNode & { id: string; name: string })[];
  endpoints: ClusterEndpoints;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
}

const withNodes = { nodes: { select: { id: true, name: true, address: true, role: true, facts: true }, orderBy: { name: "asc" as const } } };
type Row = NonNullable<Awaited<ReturnType<typeof db.cluster.findFirst<{ include: typeof withNodes }>>>>;

function toCluster(row: Row): Cluster {
  const kind = row.kind as ClusterKindName;
  const nodes = row.nodes.map((n) => {
    const facts = n.facts ? nodeFactsSchema.safeParse(JSON.parse(n.facts)) : null;
    return { id: n.id, name: n.name, address: n.address, role: n.role, ip: facts?.success ? (facts.data.ip ?? null) : null };
  });
  const settings = kind === "provisioned" ? clusterSettingsSchema.parse(row.settings ?? {}) : null;
  const base = { kind, mesosMasters: urlList.parse(row.mesosMasters), marathon: urlList.parse(row.marathon), settings, nodes };
  return { id: row.id, name: row.name, ...base, endpoints: clusterEndpoints(base), createdAt: row.createdAt, updatedAt: row.updatedAt, createdBy: row.createdBy };
}

/** The cluster with its nodes and endpoints, or null. */
export async function findCluster(id: number): Promise<Cluster | null> {
  const row = await db.cluster.findUnique({ where: { id }, include: withNodes });
  return row ? toCluster(row) : null;
}

/** The cluster, or a 404 naming it. */
export async function getCluster(id: number): Promise<Cluster> {
  const cluster = await findCluster(id);
  if (!cluster) throw new NotFoundError(`Cluster ${id}`);
  return cluster;
}

export async function listClusters(): Promise<Cluster[]> {
  return (await db.cluster.findMany({ include: withNodes, orderBy: { id: "asc" } })).map(toCluster);
}

/** Poller keys are strings (socket rooms `cluster:<id>`). */
export async function listClusterIds(): Promise<string[]> {
  return (await db.cluster.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => String(c.id));
}

/**
 * For the routes that predate clusters (/api/v1/plans/*, /api/v1/cluster/settings, POST
 * /api/v1/nodes, …): the cluster the request names, else the first one (the migrated "default").
 */
export async function resolveClusterId(requested: number | undefined): Promise<number> {
  if (requested !== undefined) return (await getCluster(requested)).id;
  const first = await db.cluster.findFirst({ select: { id: true }, orderBy: { id: "asc" } });
  if (!first) throw new NotFoundError("Cluster (none registered yet)");
  return first.id;
}

export interface ClusterView {
  id: number;
  name: string;
  kind: ClusterKindName;
  mesosMasters: string[];
  marathon: string[];
  endpointsDerived: { mesosMasters: boolean; marathon: boolean };
  nodeCount: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}

/** What the API and pages show: the effective endpoints (derived ones included). */
export function toClusterView(c: Cluster): ClusterView {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    mesosMasters: c.endpoints.mesosMasters,
    marathon: c.endpoints.marathon,
    endpointsDerived: c.endpoints.derived,
    nodeCount: c.nodes.length,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    createdBy: c.createdBy,
  };
}

/** The cluster id of a route's `{id}`: a 404 when it is not one (and no such cluster exists). */
export async function clusterIdParam(raw: string): Promise<number> {
  const id = parseClusterId(raw);
  if (id === null) throw new NotFoundError(`Cluster ${raw.slice(0, 40)}`);
  return (await getCluster(id)).id;
}
