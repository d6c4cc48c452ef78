"use client";

import Link from "next/link";
import { LogViewer } from "../logs/LogViewer";
import { usePlanRun, usePlanRunLive } from "../runs/planRunQueries";
import { ErrorBanner } from "../ui/ErrorBanner";
import { ConnectivityMatrix } from "./ConnectivityMatrix";
import { useConnectivity } from "./connectivityQueries";

/** One check: its summary, the matrix, and beside it the nodes' live log (the run's own jobs). */
export function ConnectivityRun({ clusterId, groupId, runId, onInstallPing }: { clusterId: string; groupId: string; runId: string; onInstallPing?: () => void }) {
  const check = useConnectivity(clusterId, groupId, runId);
  const run = usePlanRun(runId);
  usePlanRunLive(runId);
  const c = check.data;
  const needsPing = c?.cells.some((x) => x.wouldInstall === "iputils-ping") ?? false;
  return (
    <div className="grid gap-4 xl:grid-cols-2" data-testid="connectivity-run">
      <div className="space-y-3">
        {check.error && <ErrorBanner error={check.error} title="Could not read the check" />}
        {c && (
          <>
            <p className="text-sm" data-testid="connectivity-summary">
              {groupId}: <span className="font-semibold">{c.status}</span> · {c.summary.ok} ok · {c.summary.failed} failed · {c.summary.pending} pending ·{" "}
              <Link className="text-sky-700 underline" href={`/runs/${encodeURIComponent(runId)}`}>run page</Link>
            </p>
            {c.nodes.filter((n) => n.failure).map((n) => (
              <p key={n.jobId} className="text-sm text-red-800">{n.node}: {n.failure}</p>
            ))}
            <ConnectivityMatrix check={c} />
            {needsPing && onInstallPing && c.status !== "running" && c.status !== "queued" && (
              <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
                <p>Some containers have no ping. Armdeck can run <code>apt-get install -y iputils-ping</code> inside them and check again; it installs nothing without this click.</p>
                <button type="button" className="mt-2 rounded bg-amber-600 px-3 py-1 text-white" onClick={onInstallPing}>
                  Install ping in those containers and check again
                </button>
              </div>
            )}
          </>
        )}
      </div>
      <div>{run.data && <LogViewer jobs={run.data.jobs} heightClass="h-[40vh]" />}</div>
    </div>
  );
}
