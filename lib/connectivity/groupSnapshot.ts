import { AppError, ConflictError, NotFoundError } from "../errors.ts";
import type { MarathonGroup } from "../marathon/marathonSchemas.ts";
import type { MesosState } from "../mesos/mesosSchemas.ts";
import { clusterPanelPoller } from "../panels/clusterPanelPoller.ts";
import { PANEL_SOURCES } from "../panels/clusterPanels.ts";
import { unwrapReply } from "../panels/replyData.ts";
import { upstreamFailure } from "../panels/upstreamFailure.ts";
import { findGroup } from "./groupContainers.ts";

// The group and Mesos' tasks as the cluster's poller has them (at most one poll interval old, or
// fetched now by the poller itself): a check never sends Mesos or Marathon a request of its own.

async function cachedData<T>(clusterId: number, source: string, upstream: "mesos" | "marathon"): Promise<T> {
  const poller = await clusterPanelPoller(String(clusterId));
  if (!poller.status().some((s) => s.source === source)) throw new ConflictError(`This cluster has no ${upstream === "mesos" ? "Mesos master" : "Marathon"} registered`);
  const snap = await poller.get(source);
  if (snap.data === undefined) {
    const f = upstreamFailure(upstream, snap.cause, snap.error ?? "no answer yet");
    throw new AppError(`${f.message}: the check needs its tasks`, f.status, f.code);
  }
  return unwrapReply<T>(snap.data).data;
}

export async function groupSnapshot(clusterId: number, groupId: string): Promise<{ group: MarathonGroup; state: MesosState }> {
  const root = await cachedData<MarathonGroup>(clusterId, PANEL_SOURCES.groups, "marathon");
  const group = findGroup(root, groupId);
  if (!group) throw new NotFoundError(`Group ${groupId} in Marathon`);
  const state = await cachedData<MesosState>(clusterId, PANEL_SOURCES.mesos, "mesos");
  return { group, state };
}
