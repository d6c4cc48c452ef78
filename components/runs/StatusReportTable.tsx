"use client";

import type { StatusReport } from "@/lib/jobs/statusReport";
import { SERVICE_STATE_LABELS, type ServiceStateName } from "@/lib/recipes/serviceStatusLine";

const STATE_CLASS: Record<ServiceStateName, string> = {
  up: "bg-emerald-100 text-emerald-800",
  down: "bg-slate-200 text-slate-800",
  not_installed: "bg-slate-100 text-slate-500",
};

/** A status run is a report: node × service, what the probe asked and what answered. */
export function StatusReportTable({ report, onShow }: { report: StatusReport; onShow: (jobId: string) => void }) {
  const { summary } = report;
  return (
    <section className="rounded-lg border border-slate-200 bg-white" aria-labelledby="status-report-title">
      <div className="flex flex-wrap items-baseline gap-3 border-b border-slate-200 px-4 py-2">
        <h2 id="status-report-title" className="font-semibold">
          Service status
        </h2>
        <p className="text-sm text-slate-600" data-testid="status-summary">
          {summary.up} up · {summary.down} down · {summary.not_installed} not installed
        </p>
      </div>
      <table className="min-w-full text-left text-sm" data-testid="status-report">
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            <th className="px-4 py-2">Node</th>
            <th className="px-4 py-2">Service</th>
            <th className="px-4 py-2">State</th>
            <th className="px-4 py-2">Probe</th>
            <th className="px-4 py-2">What answered</th>
          </tr>
        </thead>
        <tbody>
          {report.nodes.flatMap((node) =>
            node.services.map((s, i) => (
              <tr key={s.jobId} className="border-t border-slate-100 align-top" data-testid="status-row" data-node={node.nodeName} data-component={s.component} data-state={s.state ?? (s.failure ? "unknown" : "pending")}>
                <th scope="row" className="whitespace-nowrap px-4 py-2 font-medium">
                  {i === 0 ? node.nodeName : ""}
                </th>
                <td className="whitespace-nowrap px-4 py-2">
                  <a
                    href={`?job=${encodeURIComponent(s.jobId)}`}
                    onClick={(e) => {
                      if (e.metaKey || e.ctrlKey || e.shiftKey) return;
                      e.preventDefault();
                      onShow(s.jobId);
                    }}
                    className="text-sky-800 hover:underline"
                  >
                    {s.title}
                  </a>
                </td>
                <td className="whitespace-nowrap px-4 py-2">
                  {s.state ? (
                    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATE_CLASS[s.state]}`}>{SERVICE_STATE_LABELS[s.state]}</span>
                  ) : s.failure ? (
                    <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">could not probe</span>
                  ) : (
                    <span className="text-xs text-slate-500">probing…</span>
                  )}
                </td>
                <td className="px-4 py-2 font-mono text-xs text-slate-600">{s.target ?? ""}</td>
                <td className="break-words px-4 py-2 font-mono text-xs" data-testid="status-answer">
                  {s.answer ?? s.failure ?? ""}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </section>
  );
}
