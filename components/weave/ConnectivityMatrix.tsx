"use client";

import type { ConnectivityCell, ConnectivityReply } from "@/lib/connectivity/connectivityContract";

// The matrix: a row per container of the group, a column per app hostname and per Weave IP. Green
// is resolved to every instance / answered ping, red failed (the reason is under the table, in
// words), grey not reached yet.

const appName = (id: string) => id.split("/").filter(Boolean).pop() ?? id;

function cellClass(c: ConnectivityCell | undefined): string {
  if (!c || c.reachable === null) return "bg-slate-100 text-slate-500";
  return c.reachable ? "bg-green-100 text-green-900" : "bg-red-100 text-red-900";
}

function cellText(c: ConnectivityCell | undefined): string {
  if (!c || c.reachable === null) return "…";
  if (c.kind === "dns") return c.dns && c.dns.length ? c.dns.join(" ") : "no answer";
  if (c.reachable) return c.rttMs !== undefined ? `${c.rttMs} ms` : "ok";
  return c.wouldInstall ? "no ping" : "no reply";
}

export function ConnectivityMatrix({ check }: { check: ConnectivityReply }) {
  const key = (c: ConnectivityCell) => `${c.from.container}|${c.kind === "dns" ? `n:${c.to.name}` : `i:${c.to.ip}`}`;
  const byKey = new Map(check.cells.map((c) => [key(c), c]));
  const failures = check.cells.filter((c) => c.reachable === false);
  const ipOwner = new Map(check.containers.filter((c) => c.ip).map((c) => [c.ip!, c]));
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto">
        <table className="text-xs" data-testid="connectivity-matrix">
          <thead>
            <tr>
              <th className="px-2 py-1 text-left">from container</th>
              {check.names.map((n) => (
                <th key={`n:${n}`} className="px-2 py-1 font-mono" scope="col">{n}</th>
              ))}
              {check.ips.map((ip) => (
                <th key={`i:${ip}`} className="px-2 py-1 font-mono" scope="col" title={ipOwner.get(ip) ? `${appName(ipOwner.get(ip)!.app)} on ${ipOwner.get(ip)!.node}` : undefined}>
                  {ip}
                  <span className="block font-normal text-slate-500">{ipOwner.get(ip) ? `${appName(ipOwner.get(ip)!.app)} · ${ipOwner.get(ip)!.node}` : ""}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {check.containers.map((row) => (
              <tr key={row.container} data-testid="connectivity-row" data-container={row.container}>
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  <span className="font-mono">{appName(row.app)}</span> on {row.node}
                  <span className="block text-slate-500">{row.ip ?? "no Weave IP"} · {row.task}</span>
                </th>
                {[...check.names.map((n) => `n:${n}`), ...check.ips.map((ip) => `i:${ip}`)].map((col) => {
                  const c = byKey.get(`${row.container}|${col}`);
                  return (
                    <td
                      key={col}
                      className={`px-2 py-1 text-center font-mono ${cellClass(c)}`}
                      data-testid="connectivity-cell"
                      data-state={!c || c.reachable === null ? "pending" : c.reachable ? "ok" : "failed"}
                      title={c?.error}
                    >
                      {cellText(c)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {failures.length > 0 && (
        <ul className="space-y-1 text-sm text-red-800" data-testid="connectivity-failures">
          {failures.map((c) => (
            <li key={key(c)}>{c.error}</li>
          ))}
        </ul>
      )}
      {check.notes.length > 0 && (
        <ul className="space-y-1 text-sm text-amber-800" data-testid="connectivity-notes">
          {check.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
