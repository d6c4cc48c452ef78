"use client";

import type { FrameworkView } from "@/lib/panels/frameworksView";
import { RelativeTime } from "../ui/RelativeTime";
import { cpus, mb } from "./format";
import { PanelFrame } from "./PanelFrame";
import { usePanel } from "./usePanel";

export function FrameworksPanel({ clusterId }: { clusterId: string }) {
  const q = usePanel<{ frameworks: FrameworkView[] }>(clusterId, "frameworks");
  return (
    <PanelFrame title="Frameworks" query={q} testId="frameworks-panel">
      {({ frameworks }) => (
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-500">
            <tr><th>Name</th><th>State</th><th>Host</th><th>Roles</th><th>Registered</th><th>Tasks</th><th>CPUs</th><th>Memory</th></tr>
          </thead>
          <tbody>
            {frameworks.map((f) => (
              <tr key={f.id} className="border-t border-slate-100" title={f.id}>
                <td>{f.webuiUrl ? <span>{f.name}</span> : f.name}</td>
                <td>{f.completed ? "completed" : f.active ? (f.connected === false ? "disconnected" : "active") : "inactive"}</td>
                <td>{f.hostname ?? ""}</td>
                <td>{f.roles.join(", ")}</td>
                <td><RelativeTime iso={f.registeredAt} /></td>
                <td className="tabular-nums">{f.tasks}</td>
                <td className="tabular-nums">{cpus(f.used.cpus)}</td>
                <td className="tabular-nums">{mb(f.used.memMb)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PanelFrame>
  );
}
