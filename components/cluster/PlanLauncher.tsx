"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { NodeView } from "@/lib/nodes/nodeView";
import { PLANS, type PlanKind } from "@/lib/recipes/planKinds";
import { COMPONENTS, type ComponentId } from "@/lib/recipes/recipeTypes";
import { api } from "../apiClient";
import { useCan } from "../Providers";
import { ErrorBanner } from "../ui/ErrorBanner";
import { buttonClass, secondaryButtonClass } from "../ui/Field";
import { DryRunView, type DryRun } from "./DryRunView";

const COMPONENT_LABELS: Record<ComponentId, string> = {
  prerequisites: "Prerequisites",
  mesos: "Mesos build",
  zookeeper: "ZooKeeper config",
  weave: "Weave install",
  marathon: "Marathon build",
  "zookeeper-service": "ZooKeeper service",
  "weave-router": "Weave router",
  "mesos-master": "Mesos master",
  "mesos-agent": "Mesos agents",
  "marathon-service": "Marathon service",
};

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** Choose a plan and, optionally, which nodes and components; look at the dry run; run it. */
export function PlanLauncher({ nodes }: { nodes: NodeView[] }) {
  const router = useRouter();
  const canRun = useCan("operator");
  const [plan, setPlan] = useState<PlanKind>("bring-up");
  const [nodeIds, setNodeIds] = useState<string[]>([]);
  const [components, setComponents] = useState<ComponentId[]>([]);
  const scope = { plan, ...(nodeIds.length ? { nodeIds } : {}), ...(components.length ? { components } : {}) };
  const [showDryRun, setShowDryRun] = useState(false);
  const dryRun = useQuery({
    queryKey: ["dry-run", scope],
    queryFn: () => api<DryRun>("/plans/preview", { method: "POST", body: scope }),
    enabled: showDryRun,
    retry: false,
  });
  const run = useMutation({
    mutationFn: () => api<{ id: string }>("/plan-runs", { method: "POST", body: scope }),
    onSuccess: (r) => router.push(`/runs/${r.id}`),
  });
  const runbookHref = `/api/v1/plans/runbook?plan=${plan}${nodeIds.length ? `&nodeIds=${nodeIds.join(",")}` : ""}${components.length ? `&components=${components.join(",")}` : ""}`;

  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap gap-2" role="radiogroup" aria-label="Plan">
        {(Object.keys(PLANS) as PlanKind[]).map((k) => (
          <button
            key={k}
            role="radio"
            aria-checked={plan === k}
            onClick={() => setPlan(k)}
            className={`rounded-md border px-3 py-1.5 text-sm ${plan === k ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}
            title={PLANS[k].description}
          >
            {PLANS[k].title}
          </button>
        ))}
      </div>
      <p className="text-sm text-slate-600">{PLANS[plan].description}.</p>
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
      <div className="flex flex-wrap items-center gap-2">
        {canRun && (
          <button className={buttonClass} onClick={() => run.mutate()} disabled={run.isPending}>
            {run.isPending ? "Starting…" : PLANS[plan].title}
          </button>
        )}
        <button className={secondaryButtonClass} onClick={() => setShowDryRun((v) => !v)} aria-expanded={showDryRun}>
          {showDryRun ? "Hide dry run" : "Dry run"}
        </button>
        <a className={secondaryButtonClass} href={runbookHref} download>
          Download as shell runbook
        </a>
      </div>
      <ErrorBanner error={run.error} title="The plan did not start" />
      {showDryRun && (dryRun.error ? <ErrorBanner error={dryRun.error} /> : dryRun.data ? <DryRunView dryRun={dryRun.data} /> : <p className="text-sm text-slate-500">Planning…</p>)}
    </section>
  );
}
