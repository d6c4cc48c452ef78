"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { ConnectivityReply, StartConnectivityReply } from "@/lib/connectivity/connectivityContract";
import { api } from "../apiClient";

const base = (clusterId: string, groupId: string) => `/clusters/${encodeURIComponent(clusterId)}/groups/${encodeURIComponent(groupId)}/connectivity`;

export function useStartConnectivity(clusterId: string) {
  return useMutation({
    mutationFn: (v: { groupId: string; installPing: boolean }) => api<StartConnectivityReply>(base(clusterId, v.groupId), { method: "POST", body: { installPing: v.installPing } }),
  });
}

/**
 * The matrix, read again every second while the nodes work (each read parses their logs so far),
 * and no more once the run has ended.
 */
export function useConnectivity(clusterId: string, groupId: string, runId: string) {
  return useQuery({
    queryKey: ["cluster", clusterId, "connectivity", runId],
    queryFn: () => api<ConnectivityReply>(`${base(clusterId, groupId)}/${encodeURIComponent(runId)}`),
    refetchInterval: (q) => (q.state.data && q.state.data.status !== "queued" && q.state.data.status !== "running" ? false : 1000),
  });
}
