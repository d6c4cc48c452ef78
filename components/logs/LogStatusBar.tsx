"use client";

import type { ReactNode } from "react";
import type { JobView } from "@/lib/jobs/jobViews";
import { isFinal } from "@/lib/jobs/jobStatus";
import { formatBytes } from "./logText";

export function emptyText(status: string, loaded: boolean, error: string | null): string {
  if (error) return error;
  if (!loaded) return "Loading…";
  if (status === "queued") return "This step has not started yet.";
  if (status === "running") return "Waiting for output…";
  return "This step wrote no output.";
}

interface StatusProps {
  job: JobView;
  lines: number;
  bytes: number;
  loaded: boolean;
  connected: boolean;
  reconnecting: boolean;
  error: string | null;
}

export function LogStatusBar({ job, lines, bytes, loaded, connected, reconnecting, error }: StatusProps) {
  let state: ReactNode;
  if (error) state = <span className="text-red-300">{error}</span>;
  else if (reconnecting) state = <span className="text-amber-300">Connection lost: reconnecting…</span>;
  else if (!connected) state = <span className="text-slate-300">Connecting…</span>;
  else if (!loaded) state = <span className="text-slate-300">Loading {formatBytes(bytes)} of {formatBytes(job.logSize)}…</span>;
  else if (job.status === "running")
    state = (
      <span className="inline-flex items-center gap-1 text-sky-300">
        <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-sky-400" /> Live
      </span>
    );
  else state = <span>{isFinal(job.status) ? "Complete" : "Waiting"}</span>;
  return (
    <div className="flex items-center gap-3 border-t border-slate-800 bg-slate-900 px-3 py-1 text-xs text-slate-400" data-testid="log-status">
      <span className="tabular-nums">
        {lines.toLocaleString("en")} lines · {formatBytes(bytes)}
      </span>
      <span className="ml-auto">{state}</span>
    </div>
  );
}
