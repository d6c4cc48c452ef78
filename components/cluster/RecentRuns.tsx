"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { PlanRunView } from "@/lib/jobs/jobViews";
import { api } from "../apiClient";
import { useLiveInvalidation } from "../useLiveInvalidation";
import { RelativeTime } from "../ui/RelativeTime";

const STATUS_CLASS: Record<string, string> = {
  queued: "bg-slate-100 text-slate-700",
  running: "bg-sky-100 text-sky-800",
  succeeded: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
  cancelled: "bg-amber-100 text-amber-800",
};

export function RecentRuns({ clusterId }: { clusterId: number }) {
  const runs = useQuery({
    queryKey: ["plan-runs", clusterId],
    queryFn: () => api<{ runs: (PlanRunView & { counts: Record<string, number> })[] }>(`/clusters/${clusterId}/plan-runs?limit=20`).then((r) => r.runs),
  });
  useLiveInvalidation("runs", "plan:update", ["plan-runs"]);
  return (
    <section className="rounded-lg border border-slate-200 bg-white">
      <div className="flex items-baseline border-b border-slate-200 px-4 py-2">
        <h2 className="font-semibold">Recent plan runs</h2>
        <Link href={`/runs?cluster=${clusterId}`} className="ml-auto text-sm text-sky-800 hover:underline">
          All runs
        </Link>
      </div>
      <table className="min-w-full text-left text-sm" data-testid="recent-runs">
        <tbody>
          {runs.data?.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <td className="px-4 py-2">
                <Link href={`/runs/${r.id}`} className="text-sky-800 hover:underline">
                  {r.title}
                </Link>
              </td>
              <td className="px-4 py-2">
                <span className={`rounded px-2 py-0.5 text-xs ${STATUS_CLASS[r.status] ?? ""}`}>{r.status}</span>
              </td>
              <td className="px-4 py-2 text-slate-600">
                {Object.entries(r.counts)
                  .map(([s, n]) => `${n} ${s}`)
                  .join(" · ")}
              </td>
              <td className="px-4 py-2 text-slate-600">{r.createdBy}</td>
              <td className="px-4 py-2 text-slate-600">
                <RelativeTime iso={r.createdAt} />
              </td>
            </tr>
          ))}
          {runs.data?.length === 0 && (
            <tr>
              <td className="px-4 py-6 text-center text-slate-500">No plan has run yet.</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
