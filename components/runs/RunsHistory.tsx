"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useRef } from "react";
import type { PlanRunSummary } from "@/lib/jobs/listPlanRuns";
import { PLAN_RUN_STATUSES } from "@/lib/jobs/planRunFilters";
import { COMPONENT_LABELS } from "@/lib/recipes/componentLabels";
import { RUN_KINDS, RUN_TITLES } from "@/lib/recipes/planKinds";
import type { ComponentId } from "@/lib/recipes/recipeTypes";
import { api } from "../apiClient";
import { useClusters } from "../clusters/clusterQueries";
import { formatDuration, statusBadgeClass } from "../logs/jobStatusStyle";
import { useNodes } from "../nodes/nodeQueries";
import { DataTable } from "../ui/DataTable";
import { ErrorBanner } from "../ui/ErrorBanner";
import { inputClass, secondaryButtonClass } from "../ui/Field";
import { RelativeTime } from "../ui/RelativeTime";
import { useLiveInvalidation } from "../useLiveInvalidation";

const FILTERS = ["cluster", "status", "kind", "node"] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
const PAGE_SIZE = 25;

/** Every plan run, newest first; filters live in the address so a filtered view can be linked. */
export function RunsHistory() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters: Filters = Object.fromEntries(FILTERS.flatMap((f) => (params.get(f) ? [[f, params.get(f)!]] : [])));
  const nodes = useNodes();
  const clusters = useClusters();
  const clusterName = new Map((clusters.data ?? []).map((c) => [c.id, c.name]));
  // With a cluster chosen, the node filter offers that cluster's nodes only.
  const nodeOptions = (nodes.data ?? []).filter((n) => !filters.cluster || String(n.clusterId) === filters.cluster);
  const runs = useInfiniteQuery({
    queryKey: ["plan-runs", "history", filters],
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ ...filters, limit: String(PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) });
      return api<{ runs: PlanRunSummary[]; nextCursor: string | null }>(`/plan-runs?${q}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  // The server says when a run starts or changes; no polling.
  useLiveInvalidation("runs", "plan:update", ["plan-runs", "history"]);

  // The address this page last asked for, until the router has caught up with it: two quick
  // changes (before the router re-renders) would otherwise each start from the old address and
  // the second undo the first.
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (asked.current === params.toString()) asked.current = null;
  }, [params]);
  const setFilter = (name: keyof Filters, value: string) => {
    const next = new URLSearchParams(asked.current ?? params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    asked.current = next.toString();
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`);
  };
  const rows = runs.data?.pages.flatMap((p) => p.runs) ?? [];

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Runs</h1>
      <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter runs">
        <FilterSelect label="Cluster" value={filters.cluster} onChange={(v) => setFilter("cluster", v)} options={(clusters.data ?? []).map((c) => [String(c.id), c.name])} />
        <FilterSelect label="Status" value={filters.status} onChange={(v) => setFilter("status", v)} options={PLAN_RUN_STATUSES.map((s) => [s, s])} />
        <FilterSelect label="Kind" value={filters.kind} onChange={(v) => setFilter("kind", v)} options={RUN_KINDS.map((k) => [k, RUN_TITLES[k]])} />
        <FilterSelect label="Node" value={filters.node} onChange={(v) => setFilter("node", v)} options={nodeOptions.map((n) => [n.id, n.name])} />
      </div>
      <ErrorBanner error={runs.error} title="Could not load the runs" />
      <DataTable
        testId="runs-history"
        columns={["Run", "Cluster", "Status", "Nodes", "Components", "Started by", "When", "Took"].map((label) => ({ label }))}
        message={runs.data && rows.length === 0 ? (Object.keys(filters).length ? "No run matches these filters." : "No plan has run yet.") : undefined}
      >
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100 align-top" data-testid="runs-row" data-run={r.id} data-kind={r.plan} data-status={r.status} data-cluster={r.clusterId}>
            <td className="px-4 py-2">
              <Link href={`/runs/${r.id}`} className="font-medium text-sky-800 hover:underline">
                {r.title}
              </Link>
            </td>
            <td className="px-4 py-2">
              <Link href={`/clusters/${r.clusterId}`} className="font-mono text-sky-800 hover:underline" data-testid="runs-cluster">
                {clusterName.get(r.clusterId) ?? `#${r.clusterId}`}
              </Link>
            </td>
            <td className="px-4 py-2">
              {r.serviceStates && r.status !== "queued" && r.status !== "running" ? (
                <span className="text-slate-700" data-testid="runs-service-summary">
                  {r.serviceStates.up} up · {r.serviceStates.down} down · {r.serviceStates.not_installed} not installed
                </span>
              ) : (
                <span className={`rounded px-2 py-0.5 text-xs ${statusBadgeClass(r.status)}`}>{r.status}</span>
              )}
            </td>
            <td className="px-4 py-2 text-slate-700">{r.nodes.join(", ")}</td>
            <td className="max-w-xs px-4 py-2 text-slate-600">{r.components.map((c) => COMPONENT_LABELS[c as ComponentId] ?? c).join(", ")}</td>
            <td className="px-4 py-2 text-slate-600">{r.createdBy}</td>
            <td className="whitespace-nowrap px-4 py-2 text-slate-600">
              <RelativeTime iso={r.createdAt} />
            </td>
            <td className="whitespace-nowrap px-4 py-2 tabular-nums text-slate-600">{r.durationMs !== null ? formatDuration(r.durationMs) : "—"}</td>
          </tr>
        ))}
      </DataTable>
      {runs.hasNextPage && (
        <button className={secondaryButtonClass} onClick={() => runs.fetchNextPage()} disabled={runs.isFetchingNextPage}>
          {runs.isFetchingNextPage ? "Loading…" : "Older runs"}
        </button>
      )}
    </div>
  );
}

function FilterSelect({ label, value, onChange, options }: { label: string; value: string | undefined; onChange: (value: string) => void; options: [string, string][] }) {
  const id = useId();
  return (
    <div className="text-sm">
      <label htmlFor={id} className="mb-1 block font-medium text-slate-700">
        {label}
      </label>
      <select id={id} className={`${inputClass} w-44`} value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
