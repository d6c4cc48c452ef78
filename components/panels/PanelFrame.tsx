"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorBanner } from "../ui/ErrorBanner";
import type { PanelResult } from "./usePanel";

function ageText(ageMs: number | null, receivedAt: number): string | null {
  if (ageMs === null) return null;
  const s = Math.round((ageMs + (Date.now() - receivedAt)) / 1000);
  return s < 60 ? `${s} s ago` : s < 3600 ? `${Math.round(s / 60)} min ago` : `${Math.round(s / 3600)} h ago`;
}

const UPSTREAM = { mesos: "Mesos", marathon: "Marathon", ssh: "Weave on the nodes (read over SSH)" } as Record<string, string>;

/** A panel's title, its data's age, and in words what is wrong when its upstream is down. */
export function PanelFrame<V>({ title, query, children, testId }: { title: string; query: UseQueryResult<PanelResult<V>>; children: (data: V) => ReactNode; testId?: string }) {
  const r = query.data;
  const age = r ? ageText(r.ageMs, r.receivedAt) : null;
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid={testId} aria-label={title}>
      <header className="flex items-baseline justify-between gap-4">
        <h2 className="text-lg font-semibold">{title}</h2>
        {age && <span className="text-xs text-slate-500" data-testid="panel-age">data from {age}</span>}
      </header>
      {query.isPending && <p className="text-sm text-slate-500">Loading…</p>}
      {query.isError && <ErrorBanner error={query.error} />}
      {r?.problem && (
        <div role="alert" data-testid="upstream-problem" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-semibold">{UPSTREAM[r.problem.upstream] ?? r.problem.upstream} is not answering</p>
          <p>{r.problem.message}</p>
          <p className="text-xs">
            {r.data ? `Showing the last data Armdeck had (${age ?? "age unknown"}). ` : "No data yet. "}
            Armdeck keeps trying; this panel updates by itself when it answers.
          </p>
        </div>
      )}
      {r?.data && children(r.data)}
    </section>
  );
}
