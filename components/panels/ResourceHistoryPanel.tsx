"use client";

import { useMemo, useState } from "react";
import type { HistoryReply } from "@/lib/history/historyQuery";
import type { ResourcesView } from "@/lib/panels/resourcesView";
import { cpus, mb } from "./format";
import { PanelFrame } from "./PanelFrame";
import { TimeSeriesChart } from "./TimeSeriesChart";
import { usePanel } from "./usePanel";

const HOURS = [1, 6, 24];

function Charts({ history }: { history: HistoryReply }) {
  const { times, cpuLines, memLines } = useMemo(() => {
    const s = history.series;
    return {
      times: s.map((p) => p.t),
      cpuLines: [
        { label: "CPUs used", color: "#2563eb", values: s.map((p) => p.cpusUsed) },
        { label: "CPUs total", color: "#64748b", dash: [6, 4], values: s.map((p) => p.cpusTotal) },
      ],
      memLines: [
        { label: "Memory used", color: "#059669", values: s.map((p) => p.memUsedMb) },
        { label: "Memory total", color: "#64748b", dash: [6, 4], values: s.map((p) => p.memTotalMb) },
      ],
    };
  }, [history]);
  if (history.series.length === 0) return <p className="text-sm text-slate-500">No samples yet: the history fills in once a minute while Armdeck polls the cluster.</p>;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <TimeSeriesChart title="CPUs" times={times} lines={cpuLines} format={cpus} testId="history-cpus" />
      <TimeSeriesChart title="Memory" times={times} lines={memLines} format={mb} testId="history-mem" />
    </div>
  );
}

/** CPUs and memory used vs total over the last hours, of the cluster or one agent, from Armdeck's own history. */
export function ResourceHistoryPanel({ clusterId }: { clusterId: string }) {
  const [agent, setAgent] = useState("");
  const [hours, setHours] = useState(24);
  const history = usePanel<HistoryReply>(clusterId, "history", { agent: agent || undefined, hours });
  const resources = usePanel<ResourcesView>(clusterId, "resources");
  const agents = resources.data?.data?.agents ?? [];
  return (
    <PanelFrame title="Resource history" query={history} testId="resource-history">
      {(h) => (
        <div className="space-y-3">
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-2">
              Of
              <select className="rounded border border-slate-300 px-2 py-1" value={agent} onChange={(e) => setAgent(e.target.value)} data-testid="history-agent">
                <option value="">the whole cluster</option>
                {agents.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.hostname}
                    {a.arch ? ` (${a.arch})` : ""}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-2">
              Last
              <select className="rounded border border-slate-300 px-2 py-1" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
                {HOURS.map((n) => (
                  <option key={n} value={n}>
                    {n} h
                  </option>
                ))}
              </select>
            </label>
            <span className="text-slate-500">1-minute averages of the polls</span>
          </div>
          <Charts history={h} />
        </div>
      )}
    </PanelFrame>
  );
}
