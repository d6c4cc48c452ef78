"use client";

import type { QueuedAppView } from "@/lib/panels/queueView";
import { PanelFrame } from "./PanelFrame";
import { usePanel } from "./usePanel";

function minutes(ms: number | null): string {
  if (ms === null) return "";
  const m = Math.floor(ms / 60_000);
  return m < 1 ? "under a minute" : m < 120 ? `${m} min` : `${Math.floor(m / 60)} h`;
}

function Queued({ item }: { item: QueuedAppView }) {
  return (
    <li className="space-y-1 rounded border border-amber-200 p-2" data-testid="queued-app" data-app={item.id}>
      <p>
        <span className="font-mono font-semibold">{item.id}</span>: {item.waiting} instance{item.waiting === 1 ? "" : "s"} waiting
        {item.waitingMs !== null && ` for ${minutes(item.waitingMs)}`}
        {item.overdueWarning && <span className="ml-2 rounded bg-red-100 px-1 text-xs text-red-800">waiting for resources over 5 min</span>}
      </p>
      <ul className="list-disc pl-5" data-testid="stuck-reason">
        {item.explanation.map((e, i) => <li key={i}>{e}</li>)}
        {item.explanation.length === 0 && <li className="text-slate-500">Marathon is launching it; no offer was declined.</li>}
      </ul>
      {item.funnel.length > 0 && (
        <table className="text-xs">
          <thead className="text-slate-500"><tr><th className="pr-3 text-left">Check (last offer per agent)</th><th className="pr-3">Offers</th><th className="pr-3">Declined</th><th>Matched</th></tr></thead>
          <tbody>
            {item.funnel.map((r) => (
              <tr key={r.reason} className={r.reason === item.blockedBy ? "font-semibold text-red-700" : ""}>
                <td className="pr-3">{r.label}</td><td className="pr-3 text-center">{r.processed}</td><td className="pr-3 text-center">{r.declined}</td><td className="text-center">{r.matched}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {item.offers.length > 0 && (
        <details className="text-xs">
          <summary>Last offer of each agent ({item.offers.length})</summary>
          <table>
            <thead className="text-slate-500"><tr><th className="pr-3 text-left">Agent</th><th className="pr-3 text-left">Declined for</th><th className="pr-3">CPUs</th><th className="pr-3">Memory MB</th><th>Disk MB</th></tr></thead>
            <tbody>
              {item.offers.map((o, i) => (
                <tr key={`${o.agentId}-${i}`}><td className="pr-3">{o.hostname}</td><td className="pr-3">{o.reasons.join(", ")}</td><td className="pr-3">{o.offered.cpus ?? ""}</td><td className="pr-3">{o.offered.memMb ?? ""}</td><td>{o.offered.diskMb ?? ""}</td></tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </li>
  );
}

/** Why a deployment is stuck: Marathon's queue, explained. */
export function QueuePanel({ clusterId }: { clusterId: string }) {
  const q = usePanel<{ queue: QueuedAppView[] }>(clusterId, "queue");
  return (
    <PanelFrame title="Waiting to launch" query={q} testId="queue-panel">
      {({ queue }) => (queue.length === 0 ? <p className="text-sm text-slate-500">Nothing is waiting for resources.</p> : <ul className="space-y-2 text-sm">{queue.map((i) => <Queued key={i.id} item={i} />)}</ul>)}
    </PanelFrame>
  );
}
