"use client";

import { useState } from "react";
import type { TasksPage } from "@/lib/panels/tasksView";
import { PanelFrame } from "./PanelFrame";
import { usePanel } from "./usePanel";

const PAGE = 50;

/** Paginated on the server: a 10,000-task cluster sends 50 rows at a time. */
export function TasksPanel({ clusterId }: { clusterId: string }) {
  const [offset, setOffset] = useState(0);
  const [state, setState] = useState("");
  const [agent, setAgent] = useState("");
  const q = usePanel<TasksPage>(clusterId, "tasks", { offset, limit: PAGE, state: state || undefined, agent: agent.trim() || undefined });
  return (
    <PanelFrame title="Tasks" query={q} testId="tasks-panel">
      {(page) => (
        <div className="space-y-2 text-sm">
          <div className="flex flex-wrap items-center gap-3">
            <label>
              State{" "}
              <select className="rounded border px-1" value={state} onChange={(e) => (setState(e.target.value), setOffset(0))}>
                <option value="">all</option>
                {Object.entries(page.states).map(([s, n]) => (
                  <option key={s} value={s}>{s} ({n})</option>
                ))}
              </select>
            </label>
            <label>
              Agent <input className="rounded border px-1" placeholder="hostname or id" value={agent} onChange={(e) => (setAgent(e.target.value), setOffset(0))} />
            </label>
            <span className="text-slate-500">
              {page.total === 0 ? "no tasks" : `${page.offset + 1}–${Math.min(page.offset + page.limit, page.total)} of ${page.total}`}
            </span>
            <button type="button" className="rounded border px-2 disabled:opacity-40" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous</button>
            <button type="button" className="rounded border px-2 disabled:opacity-40" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>Next</button>
          </div>
          <table className="w-full text-left">
            <thead className="text-xs text-slate-500">
              <tr>
                <th>Task</th><th>State</th><th>Agent</th>
                <th title="What Mesos reports: the Docker bridge address for BRIDGE tasks, not the Weave overlay IP">Container IP (Mesos)</th>
                <th>Framework</th>
              </tr>
            </thead>
            <tbody>
              {page.tasks.map((t) => (
                <tr key={`${t.frameworkId}/${t.id}`} className="border-t border-slate-100" data-testid="task-row">
                  <td className="max-w-xs truncate font-mono text-xs" title={t.id}>{t.name ?? t.id}</td>
                  <td>{t.state.replace(/^TASK_/, "").toLowerCase()}</td>
                  <td>{t.agentHostname ?? t.agentId ?? ""}</td>
                  <td className="font-mono text-xs" title={t.containerId ? `container mesos-${t.containerId}` : undefined}>{t.containerIp ?? ""}</td>
                  <td>{t.frameworkName ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PanelFrame>
  );
}
