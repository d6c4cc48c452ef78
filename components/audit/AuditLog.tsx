"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import type { AuditEventView } from "@/lib/audit/listAuditEvents";
import { api } from "../apiClient";
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

function MessageRow({ children }: { children: ReactNode }) {
  return (
    <tr>
      <td colSpan={7} className="px-3 py-8 text-center text-sm text-slate-500">
        {children}
      </td>
    </tr>
  );
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
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-left" data-testid="audit-table">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Time</th>
              <th className="px-3 py-2">Actor</th>
              <th className="px-3 py-2">Action</th>
              <th className="px-3 py-2">Target</th>
              <th className="px-3 py-2">Result</th>
              <th className="px-3 py-2">IP</th>
              <th className="px-3 py-2">Detail</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <AuditRow key={e.id} event={e} />
            ))}
            {audit.isPending && <MessageRow>Loading…</MessageRow>}
            {audit.isSuccess && events.length === 0 && <MessageRow>{filtered ? "No events match these filters." : "No events recorded yet."}</MessageRow>}
          </tbody>
        </table>
      </div>
      {audit.hasNextPage && (
        <button className={secondaryButtonClass} onClick={() => audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          {audit.isFetchingNextPage ? "Loading…" : "Load older"}
        </button>
      )}
    </div>
  );
}
