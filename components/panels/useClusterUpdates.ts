"use client";

import { useQueryClient } from "@tanstack/react-query";
import { clusterRoom, CLUSTER_UPDATE_EVENT } from "@/lib/upstream/clusterRoom";
import { useSocketRoom } from "../pageSocket";

/** Which panels show each polled source's data: a `cluster:update` for the source refetches them. */
export const PANELS_BY_SOURCE: Record<string, string[]> = {
  // history: each poll of the state is averaged into the history's current minute.
  "mesos.state": ["resources", "frameworks", "tasks", "overview", "queue", "history"],
  "marathon.groups": ["groups", "overview"],
  "marathon.deployments": ["deployments", "overview"],
  "marathon.queue": ["queue", "groups"],
  // Read over the nodes' SSH connections: the Weave page's routers and WeaveDNS table.
  "weave.status": ["weave", "weave/dns"],
};

/**
 * Joins the room `cluster:<id>` on the page's one socket (which is what makes the poller poll) and
 * refetches the panels whose source changed. The panels read the poller's cache, so however many
 * tabs are open, Mesos and Marathon see the poller's requests only. Several components of a page
 * may call it: the room is joined once.
 */
export function useClusterUpdates(clusterId: string) {
  const queryClient = useQueryClient();
  const refetch = (panels: string[]) => {
    for (const panel of panels) void queryClient.invalidateQueries({ queryKey: ["cluster", clusterId, panel] });
  };
  useSocketRoom(
    clusterRoom(clusterId),
    {
      [CLUSTER_UPDATE_EVENT]: (u: { clusterId?: string; source?: string }) => {
        if (u.clusterId === clusterId && u.source) refetch(PANELS_BY_SOURCE[u.source] ?? []);
      },
    },
    // Whatever changed while disconnected.
    () => refetch([...new Set(Object.values(PANELS_BY_SOURCE).flat())]),
  );
}
