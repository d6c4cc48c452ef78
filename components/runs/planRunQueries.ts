"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { JobEvent } from "@/lib/jobs/logPublisher";
import type { JobView, PlanRunView } from "@/lib/jobs/jobViews";
import type { StatusReport } from "@/lib/jobs/statusReport";
import { api } from "../apiClient";
import { useLiveSocket } from "../logs/liveSocket";

export interface PlanRunData {
  run: PlanRunView;
  jobs: JobView[];
  report: StatusReport | null;
}

export interface JobDetail {
  job: JobView;
  script: string;
  lastLines: string;
}

export const planRunKey = (id: string) => ["plan-runs", id] as const;

export function usePlanRun(id: string) {
  return useQuery({ queryKey: planRunKey(id), queryFn: () => api<PlanRunData>(`/plan-runs/${encodeURIComponent(id)}`) });
}

/** A job's script and last lines; keyed by attempt and end so a retried failure is fetched anew. */
export function useJobDetail(job: Pick<JobView, "id" | "attempt" | "status" | "finishedAt"> | null) {
  return useQuery({
    queryKey: ["jobs", job?.id, job?.attempt, job?.status, job?.finishedAt],
    queryFn: () => api<JobDetail>(`/jobs/${encodeURIComponent(job!.id)}`),
    enabled: !!job,
    staleTime: Infinity,
  });
}

/**
 * Keeps the cached run live: job:update events patch their job in place (no refetch per log
 * line's worth of state), plan:update and every reconnect refetch the whole run, since events sent
 * while away are gone.
 */
export function usePlanRunLive(id: string): { reconnecting: boolean } {
  const { live, reconnecting } = useLiveSocket();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!live) return;
    const { socket } = live;
    const key = planRunKey(id);
    const follow = () => socket.emit("plan:follow", { planRunId: id });
    const onConnect = () => {
      follow();
      void queryClient.invalidateQueries({ queryKey: key });
    };
    const onJob = (event: JobEvent) => {
      if (event?.planRunId !== id) return;
      let known = false;
      queryClient.setQueryData<PlanRunData>(key, (old) => {
        if (!old) return old;
        known = old.jobs.some((j) => j.id === event.id);
        return { ...old, jobs: old.jobs.map((j) => (j.id === event.id ? { ...j, ...event } : j)) };
      });
      if (!known) void queryClient.invalidateQueries({ queryKey: key });
    };
    const onPlan = (event: { id?: string; status?: string }) => {
      if (event?.id !== id) return;
      queryClient.setQueryData<PlanRunData>(key, (old) => (old && event.status ? { ...old, run: { ...old.run, status: event.status } } : old));
      void queryClient.invalidateQueries({ queryKey: key });
    };
    if (socket.connected) follow();
    socket.on("connect", onConnect);
    socket.on("job:update", onJob);
    socket.on("plan:update", onPlan);
    return () => {
      socket.off("connect", onConnect);
      socket.off("job:update", onJob);
      socket.off("plan:update", onPlan);
    };
  }, [live, id, queryClient]);
  return { reconnecting };
}
