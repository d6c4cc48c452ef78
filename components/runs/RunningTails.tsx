"use client";

import { useState } from "react";
import type { JobView } from "@/lib/jobs/jobViews";
import { visibleText } from "../logs/logText";
import { useJobLog } from "../logs/useJobLog";

// Enough of the end of a log to hold its last line without replaying an hour of compile output.
const TAIL_BYTES = 8 * 1024;

function TailLine({ job, onShow }: { job: JobView; onShow: (jobId: string) => void }) {
  // Fixed at mount: re-following every time logSize moved would replay the tail again.
  const [from] = useState(() => Math.max(0, job.logSize - TAIL_BYTES));
  const { buffer } = useJobLog(job.id, from);
  const last = buffer && buffer.lineCount > 0 ? visibleText(buffer.lastLine()).slice(0, 400) : "";
  return (
    <li>
      <button
        type="button"
        onClick={() => onShow(job.id)}
        data-testid="running-tail"
        data-job={job.id}
        className="flex w-full items-center gap-2 rounded-md bg-[#0d1117] px-3 py-1.5 text-left font-mono text-xs text-[#e6edf3] hover:bg-slate-800"
        title="Show this step's log"
      >
        <span className="h-2 w-2 shrink-0 animate-pulse rounded-full bg-sky-400" />
        <span className="shrink-0 text-sky-300">
          {job.nodeName} · {job.title}
        </span>
        {job.note && <span className="shrink-0 text-amber-300">{job.note}</span>}
        <span className="min-w-0 truncate whitespace-pre text-slate-300">{last || (job.note ? "" : "waiting for output…")}</span>
      </button>
    </li>
  );
}

/** One live line per running step: what each node is doing right now. */
export function RunningTails({ jobs, onShow }: { jobs: readonly JobView[]; onShow: (jobId: string) => void }) {
  const running = jobs.filter((j) => j.status === "running");
  if (running.length === 0) return null;
  return (
    <ul className="space-y-1" aria-label="Running now">
      {running.map((j) => (
        <TailLine key={j.id} job={j} onShow={onShow} />
      ))}
    </ul>
  );
}
