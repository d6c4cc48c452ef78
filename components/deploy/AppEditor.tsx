"use client";

import { ConstraintsEditor } from "./ConstraintsEditor";
import { DockerFields } from "./DockerFields";
import { EnvEditor } from "./EnvEditor";
import { FieldIssues } from "./FieldIssues";
import { HealthChecksEditor } from "./HealthChecksEditor";
import { NumberField, smallButton, TextField } from "./fields";
import { useDeployForm } from "./formContext";
import { childPointer } from "./jsonPointer";

/** One app of the group at pointer `at`, with the fit check's explanation for it. */
export function AppEditor({ at }: { at: string }) {
  const { edit, fits, readOnly } = useDeployForm();
  const fit = fits.find((f) => f.path === at);
  return (
    <li className="space-y-2 rounded border border-slate-200 bg-slate-50 p-3" data-testid="app-editor" data-pointer={at}>
      <div className="flex items-start gap-2">
        <div className="grid flex-1 gap-2 md:grid-cols-6">
          <div className="md:col-span-2"><TextField label="App id" at={childPointer(at, "id")} placeholder="ubuntu1 or /group/ubuntu1" /></div>
          <NumberField label="Instances" at={childPointer(at, "instances")} step="1" />
          <NumberField label="CPUs" at={childPointer(at, "cpus")} />
          <NumberField label="Memory (MB)" at={childPointer(at, "mem")} />
          <NumberField label="Disk (MB)" at={childPointer(at, "disk")} />
        </div>
        <button type="button" className={smallButton} disabled={readOnly} onClick={() => edit(at, undefined)}>Remove app</button>
      </div>
      <FieldIssues at={at} />
      {fit && (
        <p data-testid="app-fit" data-ok={fit.ok} className={`text-xs ${fit.ok ? "text-slate-600" : "font-medium text-red-700"}`}>
          {fit.ok ? "Fits: " : "Does not fit: "}
          {fit.explanation}
        </p>
      )}
      <TextField label="Command" at={childPointer(at, "cmd")} placeholder="sleep 10000" />
      <DockerFields app={at} />
      <div className="grid gap-3 md:grid-cols-2">
        <EnvEditor app={at} />
        <ConstraintsEditor app={at} />
      </div>
      <HealthChecksEditor app={at} />
    </li>
  );
}
