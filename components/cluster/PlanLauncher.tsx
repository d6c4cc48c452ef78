"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { NodeView } from "@/lib/nodes/nodeView";
import { PLANS, type PlanKind } from "@/lib/recipes/planKinds";
import type { PlanImpact } from "@/lib/plans/planImpact";
import { COMPONENT_LABELS } from "@/lib/recipes/componentLabels";
import { COMPONENTS, type ComponentId } from "@/lib/recipes/recipeTypes";
import type { CheckResult } from "@/lib/preflight/checkNames";
import { api, ApiError } from "../apiClient";
import { useCan } from "../Providers";
import { ErrorBanner } from "../ui/ErrorBanner";
import { buttonClass, secondaryButtonClass } from "../ui/Field";
import { ConfirmPlanDialog } from "./ConfirmPlanDialog";
import { DryRunView, type DryRun } from "./DryRunView";

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/**
 * Choose a plan and, optionally, which nodes and components; look at the dry run; run it. A plan
 * that changes nodes asks first, naming the nodes and components (from the dry run's impact), and
 * only then sends `confirm: true`; Status runs straight away.
 */
export function PlanLauncher({ clusterId, nodes, chosen }: { clusterId: number; nodes: NodeView[]; chosen?: { plan: PlanKind; at: number } }) {
  const base = `/clusters/${clusterId}`;
  const router = useRouter();
  const canRun = useCan("operator");
  const [plan, setPlan] = useState<PlanKind>("status");
  const [nodeIds, setNodeIds] = useState<string[]>([]);
  const [components, setComponents] = useState<ComponentId[]>([]);
  // An upgrade takes no scope: it covers the nodes whose versions differ.
  const scoped = plan !== "upgrade";
  const scope = { plan, ...(scoped && nodeIds.length ? { nodeIds } : {}), ...(scoped && components.length ? { components } : {}) };
  const [showDryRun, setShowDryRun] = useState(false);
  // Another panel (the upgrade offer) chose a plan: select it and show its dry run.
  useEffect(() => {
    if (!chosen) return;
    setPlan(chosen.plan);
    setShowDryRun(true);
  }, [chosen]);
  const dryRun = useQuery({
    queryKey: ["dry-run", clusterId, scope],
    queryFn: () => api<DryRun>(`${base}/plans/preview`, { method: "POST", body: scope }),
    enabled: showDryRun,
    retry: false,
  });
  const [asking, setAsking] = useState<{ title: string; impact: PlanImpact } | null>(null);
  const run = useMutation({
    mutationFn: (confirm: boolean) => api<{ id: string }>(`${base}/plan-runs`, { method: "POST", body: confirm ? { ...scope, confirm } : scope }),
    onSuccess: (r) => router.push(`/runs/${r.id}`),
  });
  const ask = useMutation({
    mutationFn: () => api<DryRun & { impact: PlanImpact }>(`${base}/plans/preview`, { method: "POST", body: scope }),
    onSuccess: (preview) => (preview.impact.changesNodes ? setAsking({ title: preview.title, impact: preview.impact }) : run.mutate(false)),
  });
  // A bring-up (or any install) that preflight stopped: the dialog stays open and names the red checks.
  const preflightFailing =
    run.error instanceof ApiError && run.error.code === "preflight_failed" ? ((run.error.body.preflight as { failing?: CheckResult[] } | undefined)?.failing ?? []) : null;
  const runbookHref = `/api/v1${base}/plans/runbook?plan=${plan}${scope.nodeIds ? `&nodeIds=${scope.nodeIds.join(",")}` : ""}${scope.components ? `&components=${scope.components.join(",")}` : ""}`;

  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      {/* Real radio inputs: the plan is a choice, and looks like one, not like the run button. */}
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">Plan</legend>
        <div className="inline-flex flex-wrap rounded-md border border-slate-300 bg-slate-50 p-0.5">
          {(Object.keys(PLANS) as PlanKind[]).map((k) => (
            <label
              key={k}
              title={PLANS[k].description}
              className={`flex cursor-pointer items-center gap-1.5 rounded px-3 py-1 text-sm ${plan === k ? "bg-white font-medium text-slate-900 shadow-sm ring-1 ring-slate-300" : "text-slate-600 hover:text-slate-900"}`}
            >
              <input type="radio" name="plan" value={k} checked={plan === k} onChange={() => setPlan(k)} className="accent-slate-900" />
              {PLANS[k].title}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="text-sm text-slate-600">{PLANS[plan].description}.</p>
      {plan === "upgrade" ? (
        <p className="text-sm text-slate-600">It covers every node whose installed versions differ from the settings, in the order the dry run shows.</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-700">Nodes {nodeIds.length === 0 && <span className="font-normal text-slate-500">(all)</span>}</legend>
            <div className="flex flex-wrap gap-3 text-sm">
              {nodes.map((n) => (
                <label key={n.id} className="flex items-center gap-1">
                  <input type="checkbox" checked={nodeIds.includes(n.id)} onChange={() => setNodeIds(toggle(nodeIds, n.id))} /> {n.name}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-700">Components {components.length === 0 && <span className="font-normal text-slate-500">(all of the plan)</span>}</legend>
            <div className="flex flex-wrap gap-3 text-sm">
              {COMPONENTS.map((c) => (
                <label key={c} className="flex items-center gap-1">
                  <input type="checkbox" checked={components.includes(c)} onChange={() => setComponents(toggle(components, c))} /> {COMPONENT_LABELS[c]}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {canRun && (
          <button className={buttonClass} onClick={() => ask.mutate()} disabled={run.isPending || ask.isPending} data-testid="run-plan">
            <span aria-hidden className="mr-1.5">▶</span>
            {run.isPending || ask.isPending ? "Starting…" : `Run ${PLANS[plan].title}${plan === "status" ? "" : "…"}`}
          </button>
        )}
        <button className={secondaryButtonClass} onClick={() => setShowDryRun((v) => !v)} aria-expanded={showDryRun}>
          {showDryRun ? "Hide dry run" : "Dry run"}
        </button>
        <a className={secondaryButtonClass} href={runbookHref} download>
          Download as shell runbook
        </a>
      </div>
      <ErrorBanner error={preflightFailing ? null : (run.error ?? ask.error)} title="The plan did not start" />
      {asking && (
        <ConfirmPlanDialog
          title={asking.title}
          impact={asking.impact}
          pending={run.isPending}
          preflightFailing={preflightFailing}
          onCancel={() => {
            setAsking(null);
            run.reset();
          }}
          onConfirm={() => run.mutate(true)}
        />
      )}
      {showDryRun && (dryRun.error ? <ErrorBanner error={dryRun.error} /> : dryRun.data ? <DryRunView dryRun={dryRun.data} /> : <p className="text-sm text-slate-500">Planning…</p>)}
    </section>
  );
}
