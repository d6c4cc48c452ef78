"use client";

import Link from "next/link";
import { useCan } from "../Providers";
import { ErrorBanner } from "../ui/ErrorBanner";
import { secondaryButtonClass } from "../ui/Field";
import { useProbeRun } from "./useProbeRun";

function age(iso: string): string {
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  return `${Math.round(s / 3600)} h ago`;
}

/** "Verify": is every node still as the runbook left it? The last verification, its age, and what drifted. */
export function VerifyPanel({ clusterId }: { clusterId: number }) {
  const canRun = useCan("operator");
  const { last, start } = useProbeRun(clusterId, "verify");
  const run = last.data;
  const running = run?.status === "running" || start.isPending;
  const drift = run?.checks.filter((c) => c.status !== "ok") ?? [];
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="verify-panel">
      <div className="flex items-center gap-3">
        <h2 className="font-semibold">Drift</h2>
        <p className="text-sm text-slate-600">Every step&apos;s check on every node, and nothing else.</p>
        {canRun && (
          <button className={`${secondaryButtonClass} ml-auto`} onClick={() => start.mutate()} disabled={running} data-testid="run-verify">
            {running ? "Verifying…" : "Verify"}
          </button>
        )}
      </div>
      <ErrorBanner error={start.error ?? last.error} title="Verify did not start" />
      {!run && <p className="text-sm text-slate-500">Not verified yet.</p>}
      {run && (
        <p className="text-sm" data-testid="verify-summary">
          {run.status === "running"
            ? "Verifying every node…"
            : drift.length === 0
              ? `Everything holds (${run.checks.length} checks), verified ${age(run.finishedAt ?? run.createdAt)}.`
              : `${drift.length} thing${drift.length === 1 ? " no longer holds" : "s no longer hold"}, verified ${age(run.finishedAt ?? run.createdAt)}.`}{" "}
          <Link href={`/runs/${run.id}`} className="text-sky-800 hover:underline">
            log
          </Link>
        </p>
      )}
      {run?.status !== "running" && drift.length > 0 && (
        <ul className="space-y-1 text-sm text-red-800" data-testid="drift-list">
          {drift.map((c) => (
            <li key={`${c.nodeId}-${c.check}`}>{c.detail}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
