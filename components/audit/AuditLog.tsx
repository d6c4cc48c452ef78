"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import type { AuditEventView } from "@/lib/audit/listAuditEvents";
import { api } from "../apiClient";
import { DataTable } from "../ui/DataTable";
import { ErrorBanner } from "../ui/ErrorBanner";
import { secondaryButtonClass } from "../ui/Field";
import { RelativeTime } from "../ui/RelativeTime";
import { AuditFilterBar } from "./AuditFilterBar";
import { filtersFromParams, filtersToSearch, type AuditFilters, type AuditPage } from "./auditFilters";

const RESULT_STYLES: Record<string, string> = {
  success: "bg-emerald-100 text-emerald-800",
  failure: "bg-red-100 text-red-800",
  denied: "bg-amber-100 text-amber-900",
};

function ResultBadge({ result }: { result: string }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${RESULT_STYLES[result] ?? "bg-slate-100 text-slate-700"}`}>{result}</span>;
}

function Detail({ detail }: { detail: Record<string, unknown> | null }) {
  if (!detail || Object.keys(detail).length === 0) return <span className="text-slate-400">—</span>;
  return (
    <details className="max-w-md">
      <summary className="cursor-pointer truncate text-xs text-slate-600">{Object.keys(detail).join(", ")}</summary>
      <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs text-slate-800">{JSON.stringify(detail)}</pre>
    </details>
  );
}

function AuditRow({ event }: { event: AuditEventView }) {
  return (
    <tr className="border-t border-slate-100 align-top text-sm" data-action={event.action}>
      <td className="whitespace-nowrap px-3 py-2 text-slate-600">
        <RelativeTime iso={event.at} />
      </td>
      <td className="px-3 py-2">{event.actor}</td>
      <td className="px-3 py-2 font-mono text-xs">{event.action}</td>
      <td className="break-all px-3 py-2">{event.target ?? <span className="text-slate-400">—</span>}</td>
      <td className="px-3 py-2">
        <ResultBadge result={event.result} />
      </td>
      <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-slate-600">{event.ip ?? "—"}</td>
      <td className="px-3 py-2">
        <Detail detail={event.detail} />
      </td>
    </tr>
  );
}

function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ["audit", filters],
    queryFn: ({ pageParam, signal }) => api<AuditPage>(`/audit?${filtersToSearch(filters, pageParam)}`, { signal }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function AuditLog() {
  const searchParams = useSearchParams();
  const filters = filtersFromParams(searchParams);
  const audit = useAuditEvents(filters);
  const events = audit.data?.pages.flatMap((p) => p.events) ?? [];
  const filtered = Object.keys(filters).length > 0;
  return (
    <div className="space-y-4">
      <AuditFilterBar filters={filters} />
      <ErrorBanner error={audit.error} />
      <DataTable
        testId="audit-table"
        columns={["Time", "Actor", "Action", "Target", "Result", "IP", "Detail"].map((label) => ({ label }))}
        message={audit.isPending ? "Loading…" : audit.isSuccess && events.length === 0 ? (filtered ? "No events match these filters." : "No events recorded yet.") : null}
      >
        {events.map((e) => (
          <AuditRow key={e.id} event={e} />
        ))}
      </DataTable>
      {audit.hasNextPage && (
        <button className={secondaryButtonClass} onClick={() => audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          {audit.isFetchingNextPage ? "Loading…" : "Load older"}
        </button>
      )}
    </div>
  );
}
