import { NextResponse } from "next/server";
import type { Cluster } from "../cluster/clusters.ts";
import type { MarathonGroup } from "../marathon/marathonSchemas.ts";
import type { MesosState } from "../mesos/mesosSchemas.ts";
import { clusterPanelPoller } from "../panels/clusterPanelPoller.ts";
import { unwrapReply } from "../panels/replyData.ts";
import { upstreamFailure } from "../panels/upstreamFailure.ts";
import type { ClusterPoller } from "../upstream/clusterPoller.ts";
import type { ClusterWeaveReading } from "./readClusterWeave.ts";
import { weaveDnsView } from "./weaveDnsView.ts";
import { weaveRoutersView } from "./weaveRoutersView.ts";
import { WEAVE_SOURCE } from "./weaveSource.ts";

// The Weave panel routes, served from the cluster poller's cache like every panel: a page load
// adds no SSH command the poller would not run anyway (at most one per node per refresh, shared).

export interface WeaveNotReadable {
  readable: false;
  reason: string;
}

function notReadable(cluster: Cluster): WeaveNotReadable | null {
  if (cluster.kind === "adopted") {
    return { readable: false, reason: `Weave is read over SSH on a cluster's nodes, and ${cluster.name} is adopted: Armdeck knows only its Mesos and Marathon endpoints, not its machines, so it cannot read its Weave routers or WeaveDNS. Provision the cluster from its nodes to see them.` };
  }
  if (cluster.nodes.length === 0) return { readable: false, reason: `${cluster.name} has no nodes yet, so there is no Weave router to read. Add its nodes first.` };
  return null;
}

function cachedData<T>(poller: ClusterPoller, source: string): T | undefined {
  if (!poller.status().some((s) => s.source === source)) return undefined;
  const d = poller.peek(source).data;
  return d === undefined ? undefined : unwrapReply<T>(d).data;
}

async function weavePanel<V extends object>(cluster: Cluster, view: (r: ClusterWeaveReading, poller: ClusterPoller) => V): Promise<NextResponse> {
  const blocked = notReadable(cluster);
  if (blocked) return NextResponse.json(blocked);
  const poller = await clusterPanelPoller(String(cluster.id));
  const snap = await poller.get(WEAVE_SOURCE, { staleWhileRefreshing: true });
  const freshness = { fetchedAt: snap.fetchedAt === null ? null : new Date(snap.fetchedAt).toISOString(), ageMs: snap.ageMs };
  const reading = snap.data as ClusterWeaveReading | undefined;
  if (snap.error !== undefined || reading === undefined) {
    const f = snap.error !== undefined ? upstreamFailure("ssh", snap.cause, snap.error) : { status: 503 as const, code: "upstream_pending", upstream: "ssh", message: "Weave has not been read from the nodes yet" };
    return NextResponse.json({ error: { code: f.code, message: f.message, upstream: f.upstream }, stale: reading ? { data: view(reading, poller), ...freshness } : null }, { status: f.status });
  }
  return NextResponse.json({ ...view(reading, poller), ...freshness });
}

export function weaveRoutersPanel(cluster: Cluster): Promise<NextResponse> {
  return weavePanel(cluster, (r) => weaveRoutersView(r));
}

export function weaveDnsPanel(cluster: Cluster): Promise<NextResponse> {
  return weavePanel(cluster, (r, poller) =>
    weaveDnsView(r, { mesos: cachedData<MesosState>(poller, "mesos.state"), groups: cachedData<MarathonGroup>(poller, "marathon.groups") }),
  );
}
