"use client";

import Link from "next/link";
import { useCan } from "../Providers";
import { ErrorBanner } from "../ui/ErrorBanner";
import { secondaryButtonClass } from "../ui/Field";
import { CheckTable } from "./CheckTable";
import { useProbeRun } from "./useProbeRun";

/** "Check": read-only preflight of every node, and the newest result as a node × check table. */
export function PreflightPanel({ clusterId }: { clusterId: number }) {
  const canRun = useCan("operator");
  const { last, start } = useProbeRun(clusterId, "preflight");
  const run = last.data;
  const running = run?.status === "running" || start.isPending;
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="preflight-panel">
      <div className="flex items-center gap-3">
        <h2 className="font-semibold">Preflight</h2>
        <p className="text-sm text-slate-600">Read-only checks of every node before anything changes it.</p>
        {canRun && (
          <button className={`${secondaryButtonClass} ml-auto`} onClick={() => start.mutate()} disabled={running} data-testid="run-preflight">
            {running ? "Checking…" : "Check"}
          </button>
        )}
      </div>
      <ErrorBanner error={start.error ?? last.error} title="Preflight did not start" />
      {run && (
        <p className="text-sm" data-testid="preflight-summary">
          {run.status === "running" ? "Checking every node…" : verdictText(run.verdict)}{" "}
          <Link href={`/runs/${run.id}`} className="text-sky-800 hover:underline">
            log
          </Link>
        </p>
      )}
      {run && run.checks.length > 0 && <CheckTable checks={run.checks} testId="preflight-table" />}
    </section>
  );
}

function verdictText(v: "ok" | "warn" | "fail" | null): string {
  if (v === "fail") return "Red checks: fix them before installing (each says how).";
  if (v === "warn") return "No red check; some warnings.";
  return "Every check is green.";
}
