"use client";

import type { WeaveDnsView } from "@/lib/weave/weaveDnsView";
import type { WeaveNotReadable as NotReadable } from "@/lib/weave/weavePanels";
import { PanelFrame } from "../panels/PanelFrame";
import { usePanel } from "../panels/usePanel";
import { WEAVE_PANELS } from "./weavePanelKeys";
import { WeaveNotReadable } from "./WeaveNotReadable";

function DnsTable({ v }: { v: WeaveDnsView }) {
  return (
    <div className="space-y-3">
      {v.callouts.length > 0 && (
        <ul className="list-disc space-y-1 rounded bg-amber-50 py-2 pl-6 pr-2 text-sm text-amber-900" data-testid="weave-dns-callouts">
          {v.callouts.map((c) => <li key={`${c.kind}-${c.message}`} data-kind={c.kind}>{c.message}</li>)}
        </ul>
      )}
      {v.entries.length === 0 ? (
        <p className="text-sm text-slate-500">No live names in {v.domain}.</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label="WeaveDNS" data-testid="weave-dns-table">
          <thead className="border-b border-slate-200 text-xs text-slate-500">
            <tr>
              <th className="py-1 pr-3 font-medium">Name</th>
              <th className="py-1 pr-3 font-medium">Weave IP</th>
              <th className="py-1 pr-3 font-medium">Node</th>
              <th className="py-1 pr-3 font-medium">Container</th>
              <th className="py-1 pr-3 font-medium">App</th>
              <th className="py-1 font-medium">Task</th>
            </tr>
          </thead>
          <tbody>
            {v.entries.flatMap((e) =>
              e.ips.map((ip, i) => (
                <tr key={`${e.name}-${ip.ip}-${ip.containerId}`} className={`border-b border-slate-100 ${i === 0 ? "border-t border-t-slate-200" : ""}`} data-testid="weave-dns-row" data-name={e.name}>
                  <td className="py-1 pr-3 font-mono">{i === 0 ? <span data-testid="weave-dns-name">{e.name}</span> : null}</td>
                  <td className="py-1 pr-3 font-mono" data-testid="weave-dns-ip">{ip.ip}</td>
                  <td className="py-1 pr-3" data-testid="weave-dns-node">{ip.node ?? "?"}</td>
                  <td className="py-1 pr-3 font-mono text-xs" title={ip.containerId}>{ip.container}</td>
                  <td className="py-1 pr-3 font-mono text-xs">{ip.app ?? "—"}</td>
                  <td className="max-w-[16rem] truncate py-1 font-mono text-xs" title={ip.task ?? undefined}>{ip.task ?? "—"}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      <p className="text-xs text-slate-500">
        Read from the routers on {v.readFrom.length ? v.readFrom.join(", ") : "no node"}. WeaveDNS is cluster-wide; these are Weave IPs, which Mesos and Marathon do not show (they report Docker&apos;s bridge IP).
      </p>
    </div>
  );
}

/** WeaveDNS grouped by name, each IP with its node, container, Marathon app and task. */
export function WeaveDnsTable({ clusterId }: { clusterId: string }) {
  const q = usePanel<WeaveDnsView | NotReadable>(clusterId, WEAVE_PANELS.dns);
  return (
    <PanelFrame title="WeaveDNS" query={q} testId="weave-dns-panel">
      {(v) => (v.readable ? <DnsTable v={v} /> : <WeaveNotReadable reason={v.reason} />)}
    </PanelFrame>
  );
}
