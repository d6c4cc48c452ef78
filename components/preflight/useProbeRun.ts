"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ProbeRunView } from "@/lib/preflight/getProbeRun";
import { api } from "../apiClient";
import { useLiveInvalidation } from "../useLiveInvalidation";

/** The cluster's newest preflight or verify run, refetched when any run changes state, and a way to start one. */
export function useProbeRun(clusterId: number, kind: "preflight" | "verify") {
  const queryKey = ["probe-run", kind, clusterId] as const;
  const queryClient = useQueryClient();
  useLiveInvalidation("runs", "plan:update", queryKey);
  const last = useQuery({ queryKey, queryFn: () => api<{ last: ProbeRunView | null }>(`/clusters/${clusterId}/${kind}`).then((r) => r.last) });
  const start = useMutation({
    mutationFn: () => api<{ id: string }>(`/clusters/${clusterId}/${kind}`, { method: "POST", body: {} }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey }),
  });
  return { last, start };
}
