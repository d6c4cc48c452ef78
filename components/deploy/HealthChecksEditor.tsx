"use client";

import { FieldIssues } from "./FieldIssues";
import { NumberField, rowsAt, SelectField, smallButton, TextField } from "./fields";
import { useDeployForm } from "./formContext";
import { childPointer, getAt } from "./jsonPointer";

const PROTOCOLS = ["HTTP", "HTTPS", "TCP", "COMMAND", "MESOS_HTTP", "MESOS_HTTPS", "MESOS_TCP"].map((p) => ({ value: p, label: p }));

export function HealthChecksEditor({ app }: { app: string }) {
  const { root, edit, readOnly } = useDeployForm();
  const at = childPointer(app, "healthChecks");
  const rows = rowsAt(root, at);
  return (
    <div className="space-y-1">
      <p className="text-xs font-medium text-slate-600">Health checks</p>
      <FieldIssues at={at} />
      {rows.map((_, i) => {
        const hc = childPointer(at, i);
        const protocol = String(getAt(root, childPointer(hc, "protocol")) ?? "");
        return (
          <div key={i} className="grid grid-cols-3 items-end gap-2 rounded border border-slate-100 p-2" data-testid="health-check">
            <SelectField label="Protocol" at={childPointer(hc, "protocol")} options={PROTOCOLS} />
            {protocol.includes("HTTP") && <TextField label="Path" at={childPointer(hc, "path")} placeholder="/" />}
            {protocol === "COMMAND" ? <TextField label="Command" at={childPointer(hc, "command", "value")} /> : <NumberField label="Port index" at={childPointer(hc, "portIndex")} step="1" />}
            <NumberField label="Grace period (s)" at={childPointer(hc, "gracePeriodSeconds")} step="1" />
            <NumberField label="Interval (s)" at={childPointer(hc, "intervalSeconds")} step="1" />
            <NumberField label="Max consecutive failures" at={childPointer(hc, "maxConsecutiveFailures")} step="1" />
            <button type="button" className={smallButton} disabled={readOnly} onClick={() => edit(hc, undefined)}>Remove</button>
          </div>
        );
      })}
      <button type="button" className={smallButton} disabled={readOnly} onClick={() => edit(childPointer(at, rows.length), { protocol: "HTTP", path: "/", portIndex: 0, gracePeriodSeconds: 300, intervalSeconds: 60, maxConsecutiveFailures: 3 })}>
        Add health check
      </button>
    </div>
  );
}
