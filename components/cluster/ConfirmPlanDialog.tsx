"use client";

import { useEffect, useRef } from "react";
import type { PlanImpact } from "@/lib/plans/planImpact";
import type { CheckResult } from "@/lib/preflight/checkNames";
import { buttonClass, secondaryButtonClass } from "../ui/Field";

/**
 * Asks before a plan that changes nodes runs, naming what it will touch. A modal <dialog>: focus
 * stays inside, Escape and Cancel close it, and nothing is sent until "Run" is pressed.
 */
export function ConfirmPlanDialog({
  title,
  impact,
  onConfirm,
  onCancel,
  pending,
  preflightFailing = null,
}: {
  title: string;
  impact: PlanImpact;
  onConfirm: () => void;
  onCancel: () => void;
  pending: boolean;
  /** Set when preflight stopped the plan: the red checks, each with its fix. */
  preflightFailing?: CheckResult[] | null;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="confirm-plan-title"
      data-testid="confirm-plan"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-4 p-5">
        <h2 id="confirm-plan-title" className="text-lg font-semibold">
          {title} on {impact.nodes.length} node{impact.nodes.length === 1 ? "" : "s"}?
        </h2>
        <p className="text-sm text-slate-700">
          This changes the nodes below: <span data-testid="confirm-steps">{impact.steps}</span> step{impact.steps === 1 ? "" : "s"} will run.
        </p>
        <div>
          <h3 className="text-sm font-medium text-slate-700">Nodes</h3>
          <ul className="mt-1 space-y-0.5 text-sm" data-testid="confirm-nodes">
            {impact.nodes.map((n) => (
              <li key={n.id} data-node={n.name}>
                <span className="font-medium">{n.name}</span> <span className="font-mono text-slate-600">{n.address}</span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="text-sm font-medium text-slate-700">Components</h3>
          <ul className="mt-1 flex flex-wrap gap-1.5 text-sm" data-testid="confirm-components">
            {impact.components.map((c) => (
              <li key={c.id} data-component={c.id} className="rounded bg-slate-100 px-2 py-0.5">
                {c.label}
              </li>
            ))}
          </ul>
        </div>
        {pending && <p className="text-sm text-slate-600">Preflight is checking every node first…</p>}
        {preflightFailing && (
          <div className="rounded border border-red-300 bg-red-50 p-3" data-testid="confirm-preflight-failed">
            <h3 className="text-sm font-medium text-red-900">Preflight stopped it: nothing was changed. Fix these, then run it again.</h3>
            <ul className="mt-1 space-y-0.5 text-sm text-red-900">
              {preflightFailing.map((c) => (
                <li key={`${c.nodeId}-${c.check}`} data-node={c.node} data-check={c.check}>
                  <span className="font-medium">{c.node}</span> <span className="font-mono">{c.check}</span>: {c.detail}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="flex justify-end gap-2 border-t border-slate-200 bg-slate-50 px-5 py-3">
        <button type="button" className={secondaryButtonClass} onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className={buttonClass} onClick={onConfirm} disabled={pending}>
          {pending ? "Starting…" : `Run ${title}`}
        </button>
      </div>
    </dialog>
  );
}
