"use client";

import type { JobView } from "@/lib/jobs/jobViews";
import { upgradeProgress, type NodeUpgradeState } from "@/lib/upgrade/upgradeProgress";

const WORDS: Record<NodeUpgradeState, string> = {
  upgraded: "upgraded, its health gate passed",
  upgrading: "upgrading now",
  stopped: "did not come back healthy: the upgrade stopped here",
  waiting: "waiting for its turn",
  untouched: "not touched: still on the old version",
};
const STYLE: Record<NodeUpgradeState, string> = {
  upgraded: "border-emerald-300 bg-emerald-50 text-emerald-900",
  upgrading: "border-sky-300 bg-sky-50 text-sky-900",
  stopped: "border-red-300 bg-red-50 text-red-900",
  waiting: "border-slate-200 bg-white text-slate-700",
  untouched: "border-slate-300 bg-slate-50 text-slate-700",
};

/** A rolling upgrade's run, node by node in its order; the stopped node with its rollback command. */
export function UpgradeProgressView({ jobs }: { jobs: readonly JobView[] }) {
  const p = upgradeProgress(jobs);
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="upgrade-progress">
      <h2 className="font-semibold">Rolling upgrade</h2>
      <p className="text-sm text-slate-700" data-testid="upgrade-build">
        Build beside: {p.build.done} of {p.build.total} steps done{p.build.failed ? `, ${p.build.failed} failed` : ""}
      </p>
      <ol className="space-y-1">
        {p.nodes.map((n, i) => (
          <li key={n.nodeName} data-node={n.nodeName} data-state={n.state} className={`rounded border px-3 py-2 text-sm ${STYLE[n.state]}`}>
            <span className="font-mono font-semibold">
              {i + 1}. {n.nodeName}
            </span>{" "}
            — {WORDS[n.state]}
            {n.failure && <p className="mt-1 whitespace-pre-wrap break-words font-mono text-xs" data-testid="upgrade-failure">{n.failure}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
