"use client";

import type { ResourcesView } from "@/lib/panels/resourcesView";
import { AgentsList } from "./AgentsList";
import { cpus, mb } from "./format";
import { PanelFrame } from "./PanelFrame";
import { ResourceBar } from "./ResourceBar";
import { usePanel } from "./usePanel";

function Totals({ view }: { view: ResourcesView }) {
  const t = view.total;
  const u = view.used;
  const rows = [
    { label: "CPUs", total: t.cpus, used: u.cpus, fmt: cpus },
    { label: "Memory", total: t.memMb, used: u.memMb, fmt: mb },
    { label: "Disk", total: t.diskMb, used: u.diskMb, fmt: mb },
    { label: "Ports", total: t.portCount, used: u.portCount, fmt: (n: number) => n.toLocaleString("en") },
  ];
  const archs = new Map<string, number>();
  for (const a of view.agents) archs.set(a.arch ?? "unknown", (archs.get(a.arch ?? "unknown") ?? 0) + 1);
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4" data-testid="totals">
        {rows.map((r) => (
          <div key={r.label} className="rounded border border-slate-100 p-3" data-testid={`total-${r.label.toLowerCase()}`}>
            <dt className="text-xs text-slate-500">{r.label}</dt>
            <dd className="text-sm">
              <span className="font-semibold">{r.fmt(r.total)}</span> total · {r.fmt(r.used)} used · <span className="font-semibold">{r.fmt(Math.max(0, r.total - r.used))}</span> free
            </dd>
            <ResourceBar label="used" used={r.used} total={r.total} text={`${Math.round((r.used / (r.total || 1)) * 100)}%`} />
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600" data-testid="arch-summary">
        {view.agents.length} agents: {[...archs].map(([a, n]) => `${n} ${a}`).join(", ")}
      </p>
    </div>
  );
}

export function ResourcesPanel({ clusterId }: { clusterId: string }) {
  const q = usePanel<ResourcesView>(clusterId, "resources");
  return (
    <PanelFrame title="Resources" query={q} testId="resources-panel">
      {(view) => (
        <div className="space-y-4">
          <Totals view={view} />
          <AgentsList agents={view.agents} />
        </div>
      )}
    </PanelFrame>
  );
}
