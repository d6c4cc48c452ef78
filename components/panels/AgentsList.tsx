"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { AgentResources } from "@/lib/panels/resourcesView";
import { RelativeTime } from "../ui/RelativeTime";
import { ArchBadge } from "./ArchBadge";
import { cpus, mb } from "./format";
import { ResourceBar } from "./ResourceBar";

const ROW = 56;
const COLS = "grid grid-cols-[minmax(10rem,1.4fr)_6rem_5rem_7rem_1fr_1fr_1fr_4rem] items-center gap-3";

/** Agents as rows with bars; only the rows in view are rendered, so 1,000 agents scroll smoothly. */
export function AgentsList({ agents }: { agents: AgentResources[] }) {
  const parent = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: agents.length, getScrollElement: () => parent.current, estimateSize: () => ROW, overscan: 10 });
  return (
    <div className="text-sm" role="table" aria-label="Agents" data-testid="agents">
      <div role="row" className={`${COLS} border-b border-slate-200 px-2 pb-1 text-xs font-medium text-slate-500`}>
        <span>Hostname</span>
        <span>Arch</span>
        <span>Version</span>
        <span>Registered</span>
        <span>CPUs</span>
        <span>Memory</span>
        <span>Disk</span>
        <span>Tasks</span>
      </div>
      <div ref={parent} className="max-h-[28rem] overflow-auto">
        <div style={{ height: v.getTotalSize(), position: "relative" }}>
          {v.getVirtualItems().map((item) => {
            const a = agents[item.index]!;
            return (
              <div
                key={a.id}
                role="row"
                data-testid="agent-row"
                className={`${COLS} absolute inset-x-0 border-b border-slate-100 px-2 ${a.active ? "" : "bg-slate-50 text-slate-400"}`}
                style={{ height: ROW, transform: `translateY(${item.start}px)` }}
              >
                <span className="truncate" title={a.id}>
                  {a.hostname}
                  {!a.active && <span className="ml-1 text-xs text-red-600">inactive</span>}
                </span>
                <ArchBadge arch={a.arch} />
                <span className="font-mono text-xs">{a.version ?? "?"}</span>
                <span className="text-xs"><RelativeTime iso={a.registeredAt} /></span>
                <ResourceBar label="CPUs" used={a.used.cpus} total={a.total.cpus} text={`${cpus(a.used.cpus)} / ${cpus(a.total.cpus)}`} />
                <ResourceBar label="Memory" used={a.used.memMb} total={a.total.memMb} text={`${mb(a.used.memMb)} / ${mb(a.total.memMb)}`} />
                <ResourceBar label="Disk" used={a.used.diskMb} total={a.total.diskMb} text={`${mb(a.used.diskMb)} / ${mb(a.total.diskMb)}`} />
                <span className="text-right tabular-nums">{a.tasks}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
