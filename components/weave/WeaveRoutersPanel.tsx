"use client";

import type { WeaveNotReadable as NotReadable } from "@/lib/weave/weavePanels";
import type { RouterView, WeaveRoutersView } from "@/lib/weave/weaveRoutersView";
import { PanelFrame } from "../panels/PanelFrame";
import { usePanel } from "../panels/usePanel";
import { RelativeTime } from "../ui/RelativeTime";
import { WEAVE_PANELS } from "./weavePanelKeys";
import { WeaveNotReadable } from "./WeaveNotReadable";

const STATE_STYLE: Record<string, string> = {
  up: "bg-emerald-100 text-emerald-800",
  down: "bg-red-100 text-red-800",
  unreadable: "bg-amber-100 text-amber-900",
  unreachable: "bg-red-100 text-red-800",
};

function ConnectionState({ state }: { state: string }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs ${state === "established" ? "bg-emerald-50 text-emerald-800" : "bg-amber-100 text-amber-900"}`}>{state}</span>;
}

function RouterCard({ r }: { r: RouterView }) {
  return (
    <article className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="weave-router" data-node={r.node.name} data-state={r.state} aria-label={`Weave router on ${r.node.name}`}>
      <header className="flex flex-wrap items-baseline gap-2">
        <h3 className="font-semibold">{r.node.name}</h3>
        <span className={`rounded px-1.5 py-0.5 text-xs ${STATE_STYLE[r.state] ?? ""}`} data-testid="weave-router-state">
          {r.state === "up" ? "router up" : r.state === "down" ? "router down" : r.state}
        </span>
        {r.version && <span className="font-mono text-xs text-slate-600">weave {r.version}</span>}
        {r.peer && <span className="font-mono text-xs text-slate-500">{r.peer.name}({r.peer.nickname})</span>}
        <span className="ml-auto text-xs text-slate-500">read <RelativeTime iso={r.readAt} /></span>
      </header>
      {r.problems.length > 0 && (
        <ul role="alert" className="list-disc space-y-1 rounded bg-amber-50 py-2 pl-6 pr-2 text-sm text-amber-900" data-testid="weave-router-problems">
          {r.problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      )}
      {r.state === "up" && (
        <div className="grid gap-3 text-sm md:grid-cols-3">
          <div>
            <h4 className="text-xs font-medium text-slate-500">Connections</h4>
            {r.connections.length === 0 ? <p className="text-slate-500">none</p> : (
              <ul className="space-y-1">
                {r.connections.map((c) => (
                  <li key={`${c.address}-${c.outbound}`} className="flex flex-wrap items-center gap-2" data-testid="weave-connection">
                    <span className="font-mono text-xs">{c.outbound ? "→" : "←"} {c.address}</span>
                    {c.node && <span className="text-xs">{c.node}</span>}
                    <ConnectionState state={c.state} />
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h4 className="text-xs font-medium text-slate-500">Peers ({r.peers.length})</h4>
            <ul>{r.peers.map((p) => <li key={p.name} className="text-xs"><span className="font-mono">{p.name}</span> {p.node ?? p.nickname}</li>)}</ul>
          </div>
          <div>
            <h4 className="text-xs font-medium text-slate-500">IPAM</h4>
            {r.ipam ? (
              <p className="text-xs">
                {r.ipam.status} · range <span className="font-mono">{r.ipam.range}</span> · owns {r.ipam.ownedIps.toLocaleString()} of {r.ipam.rangeIps.toLocaleString()} IPs · {r.ipam.activeIps} in use
              </p>
            ) : <p className="text-xs text-slate-500">off</p>}
            {r.dnsEntries !== null && <p className="text-xs">{r.dnsEntries} live WeaveDNS entries</p>}
          </div>
        </div>
      )}
    </article>
  );
}

/** Each node's Weave router: state, peers, connections with their state, IPAM; problems in words. */
export function WeaveRoutersPanel({ clusterId }: { clusterId: string }) {
  const q = usePanel<WeaveRoutersView | NotReadable>(clusterId, WEAVE_PANELS.routers);
  return (
    <PanelFrame title="Weave routers" query={q} testId="weave-routers-panel">
      {(v) => (v.readable ? <div className="space-y-3">{v.routers.map((r) => <RouterCard key={r.node.id} r={r} />)}</div> : <WeaveNotReadable reason={v.reason} />)}
    </PanelFrame>
  );
}
