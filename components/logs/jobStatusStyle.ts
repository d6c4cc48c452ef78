// One colour per job / run status, shared by the log viewer, the progress grid and the run header.

const CELL: Record<string, string> = {
  queued: "bg-slate-300",
  running: "bg-sky-500 animate-pulse",
  succeeded: "bg-emerald-500",
  failed: "bg-red-600",
  cancelled: "bg-amber-400",
  interrupted: "bg-amber-500",
};

const BADGE: Record<string, string> = {
  queued: "bg-slate-100 text-slate-700",
  running: "bg-sky-100 text-sky-800",
  succeeded: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
  cancelled: "bg-amber-100 text-amber-900",
  interrupted: "bg-amber-100 text-amber-900",
};

/** Solid fill for a progress-grid cell. */
export function statusCellClass(status: string): string {
  return CELL[status] ?? "bg-slate-300";
}

/** Pill for text labels on a light background. */
export function statusBadgeClass(status: string): string {
  return BADGE[status] ?? "bg-slate-100 text-slate-700";
}

/** "2m 05s": long enough steps (compiles) need minutes, short ones seconds. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}

export function durationBetween(startedAt: string | null, finishedAt: string | null, now: number): number | null {
  if (!startedAt) return null;
  return (finishedAt ? new Date(finishedAt).getTime() : now) - new Date(startedAt).getTime();
}
