"use client";

import { sortChecks, type CheckResult, type CheckStatus } from "@/lib/preflight/checkNames";

const CELL: Record<CheckStatus, string> = {
  ok: "bg-emerald-100 text-emerald-900",
  warn: "bg-amber-100 text-amber-900",
  fail: "bg-red-100 text-red-900",
};
const MARK: Record<CheckStatus, string> = { ok: "ok", warn: "warn", fail: "fail" };

/**
 * Findings as a node × check grid (green, amber, red; the detail on hover), then every finding
 * that is not green in words, with its fix, so nothing depends on colour or on hovering.
 */
export function CheckTable({ checks, testId }: { checks: CheckResult[]; testId: string }) {
  const sorted = sortChecks(checks);
  const nodes = [...new Set(sorted.map((c) => c.node))];
  const names = [...new Set(sorted.map((c) => c.check))];
  const cell = new Map(sorted.map((c) => [`${c.node}\u0000${c.check}`, c]));
  const problems = sorted.filter((c) => c.status !== "ok");
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto">
        <table className="text-xs" data-testid={testId}>
          <thead>
            <tr>
              <th className="px-2 py-1 text-left">Node</th>
              {names.map((n) => (
                <th key={n} className="whitespace-nowrap px-1 py-1 font-mono font-normal text-slate-600">
                  {n}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {nodes.map((node) => (
              <tr key={node} data-node={node}>
                <th className="whitespace-nowrap px-2 py-1 text-left font-medium">{node}</th>
                {names.map((n) => {
                  const c = cell.get(`${node}\u0000${n}`);
                  return (
                    <td key={n} className="px-0.5 py-0.5 text-center">
                      {c ? (
                        <span title={c.detail} data-check={n} data-status={c.status} className={`inline-block min-w-10 rounded px-1 py-0.5 ${CELL[c.status]}`}>
                          {MARK[c.status]}
                        </span>
                      ) : (
                        <span className="text-slate-300">–</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > 0 && (
        <ul className="space-y-1 text-sm" data-testid={`${testId}-problems`}>
          {problems.map((c) => (
            <li key={`${c.node}-${c.check}`} data-status={c.status} className={c.status === "fail" ? "text-red-800" : "text-amber-800"}>
              <span className="font-medium">{c.node}</span> <span className="font-mono">{c.check}</span>: {c.detail}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
