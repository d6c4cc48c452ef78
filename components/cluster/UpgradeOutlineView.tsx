"use client";

import type { UpgradeOutline } from "@/lib/upgrade/upgradePlan";

/** An upgrade's dry run above its jobs: the changes, both phases, and the node order with each gate's checks. */
export function UpgradeOutlineView({ outline }: { outline: UpgradeOutline }) {
  return (
    <div className="space-y-3 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950" data-testid="upgrade-outline">
      <p className="font-medium">{outline.changes.map((c) => c.text).join("; ")}</p>
      <ol className="list-decimal space-y-1 pl-5">
        {outline.phases.map((p) => (
          <li key={p.title}>
            <span className="font-medium">{p.title}.</span> {p.text.replace(/^[^:]*: /, "")}
          </li>
        ))}
      </ol>
      <ol className="space-y-2" data-testid="upgrade-order">
        {outline.order.map((o, i) => (
          <li key={o.nodeId} data-node={o.nodeName} className="rounded border border-sky-200 bg-white p-2">
            <p>
              <span className="font-mono font-semibold">
                {i + 1}. {o.nodeName}
              </span>{" "}
              <span data-testid="upgrade-reason">— {o.reason}</span>
            </p>
            <p className="mt-1 text-xs text-slate-600">Health gate:</p>
            <ul className="list-disc pl-5 text-xs text-slate-700">
              {o.gate.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
            <p className="mt-1 font-mono text-xs text-slate-600">If it fails: {o.rollback}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
