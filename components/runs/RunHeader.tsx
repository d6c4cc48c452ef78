"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { JobView, PlanRunView } from "@/lib/jobs/jobViews";
import type { StatusReport } from "@/lib/jobs/statusReport";
import { api } from "../apiClient";
import { durationBetween, formatDuration, statusBadgeClass } from "../logs/jobStatusStyle";
import { useCan } from "../Providers";
import { ConfirmButton } from "../ui/ConfirmButton";
import { ErrorBanner } from "../ui/ErrorBanner";
import { buttonClass, secondaryButtonClass } from "../ui/Field";
import { RelativeTime } from "../ui/RelativeTime";
import { planRunKey } from "./planRunQueries";
import { useNow } from "./useNow";

function summary(jobs: readonly JobView[]): string {
  const count = (s: string) => jobs.filter((j) => j.status === s).length;
  const parts = [`${count("succeeded")} of ${jobs.length} steps succeeded`];
  for (const s of ["running", "failed", "interrupted", "cancelled", "queued"]) {
    const n = count(s);
    if (n) parts.push(`${n} ${s}`);
  }
  return parts.join(" · ");
}

export function RunHeader({ run, jobs, report }: { run: PlanRunView; jobs: readonly JobView[]; report: StatusReport | null }) {
  const queryClient = useQueryClient();
  const canOperate = useCan("operator");
  const active = run.status === "queued" || run.status === "running";
  const now = useNow(active);
  const refresh = () => queryClient.invalidateQueries({ queryKey: planRunKey(run.id) });
  const cancel = useMutation({ mutationFn: () => api(`/plan-runs/${encodeURIComponent(run.id)}/cancel`, { method: "POST" }), onSettled: refresh });
  const retry = useMutation({ mutationFn: () => api(`/plan-runs/${encodeURIComponent(run.id)}/retry`, { method: "POST" }), onSettled: refresh });
  const cancelling = active && jobs.some((j) => j.cancelRequested && (j.status === "queued" || j.status === "running"));
  const duration = durationBetween(run.startedAt, run.finishedAt, now);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{run.title}</h1>
        <span data-testid="run-status" data-status={run.status} className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-sm font-medium ${statusBadgeClass(run.status)}`}>
          {run.status === "running" && <span className="h-2 w-2 animate-pulse rounded-full bg-sky-500" />}
          {cancelling ? "cancelling" : report && run.status === "succeeded" ? "finished" : run.status}
        </span>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {canOperate && active && (
            <ConfirmButton
              label="Cancel run"
              question="Stop the running steps and skip the queued ones?"
              onConfirm={() => cancel.mutate()}
              disabled={cancel.isPending || cancelling}
            />
          )}
          {/* A status run is a report: run Status again rather than retry it. */}
          {canOperate && !report && (run.status === "failed" || run.status === "cancelled") && (
            <button
              className={buttonClass}
              onClick={() => retry.mutate()}
              disabled={retry.isPending}
              title="Queue the failed, interrupted and cancelled steps again; steps that succeeded stay done"
            >
              {retry.isPending ? "Retrying…" : "Retry from failed step"}
            </button>
          )}
          <a href={`/api/v1/plan-runs/${encodeURIComponent(run.id)}/log`} download className={secondaryButtonClass}>
            Download plan log
          </a>
        </div>
      </div>
      <p className="text-sm text-slate-600">
        <span className="font-mono">{run.plan}</span> · started by <span className="font-medium">{run.createdBy}</span> <RelativeTime iso={run.createdAt} />
        {duration !== null && (
          <>
            {" "}
            · {run.finishedAt ? "took" : "running for"} <span className="tabular-nums">{formatDuration(duration)}</span>
          </>
        )}
        {" · "}
        {report ? `${report.summary.up} up · ${report.summary.down} down · ${report.summary.not_installed} not installed` : summary(jobs)}
      </p>
      <ErrorBanner error={cancel.error ?? retry.error} />
    </div>
  );
}
