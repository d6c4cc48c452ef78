"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { defaultJob } from "../logs/jobChoice";
import { LogViewer } from "../logs/LogViewer";
import { ErrorBanner } from "../ui/ErrorBanner";
import { FailurePanel } from "./FailurePanel";
import { usePlanRun, usePlanRunLive } from "./planRunQueries";
import { ProgressGrid } from "./ProgressGrid";
import { RunHeader } from "./RunHeader";
import { RunningTails } from "./RunningTails";
import { StatusReportTable } from "./StatusReportTable";
import { UpgradeProgressView } from "./UpgradeProgressView";

function writeJobParam(jobId: string, keepHash: boolean) {
  const url = new URL(window.location.href);
  url.searchParams.set("job", jobId);
  if (!keepHash) url.hash = "";
  window.history.replaceState(window.history.state, "", url);
}

/**
 * A plan run, live. The job shown is in the address (`?job=…#L12`) so a link points at a line of
 * a step's output. Until the operator picks a job or starts reading one (scrolls up, searches,
 * selects a line), the viewer moves along with the run to whatever is running or just failed.
 */
export function PlanRunView({ id }: { id: string }) {
  const run = usePlanRun(id);
  const { reconnecting } = usePlanRunLive(id);
  const params = useSearchParams();
  const [chosen, setChosen] = useState<string | null>(() => params.get("job"));
  const viewer = useRef<HTMLDivElement>(null);

  const select = useCallback((jobId: string) => {
    setChosen(jobId);
    writeJobParam(jobId, false);
  }, []);
  const engage = useCallback(
    (jobId: string) => {
      if (chosen !== null) return;
      setChosen(jobId);
      writeJobParam(jobId, true);
    },
    [chosen],
  );
  const show = useCallback(
    (jobId: string) => {
      select(jobId);
      viewer.current?.scrollIntoView({ behavior: "smooth", block: "start" });
    },
    [select],
  );

  if (run.error) return <ErrorBanner error={run.error} title="Could not load the plan run" />;
  if (!run.data) return <p className="text-sm text-slate-500">Loading…</p>;
  const { run: planRun, jobs, report } = run.data;
  const selected = jobs.find((j) => j.id === chosen) ?? defaultJob(jobs);

  return (
    <div className="space-y-4">
      <RunHeader run={planRun} jobs={jobs} report={report} />
      {reconnecting && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
          Live updates paused: reconnecting…
        </p>
      )}
      {report ? (
        <StatusReportTable report={report} onShow={show} />
      ) : (
        <>
          <FailurePanel jobs={jobs} onShow={show} />
          {planRun.plan === "upgrade" && <UpgradeProgressView jobs={jobs} />}
          <ProgressGrid jobs={jobs} selectedId={selected?.id ?? null} onSelect={select} />
        </>
      )}
      <RunningTails jobs={jobs} onShow={show} />
      <div ref={viewer} className="scroll-mt-4">
        <LogViewer jobs={jobs} selectedJobId={selected?.id ?? null} onSelectJob={select} onEngage={engage} />
      </div>
    </div>
  );
}
