"use client";

import { inputClass } from "../ui/Field";
import { FieldIssues } from "./FieldIssues";
import { smallButton } from "./fields";
import { useDeployForm } from "./formContext";
import { childPointer, getAt, type Json } from "./jsonPointer";

/** `env` is an object: renaming a key rebuilds it in the same order, so nothing else moves. */
export function EnvEditor({ app }: { app: string }) {
  const { root, edit, readOnly } = useDeployForm();
  const at = childPointer(app, "env");
  const env = getAt(root, at);
  const entries: [string, Json][] = env && typeof env === "object" && !Array.isArray(env) ? Object.entries(env) : [];
  const write = (next: [string, Json][]) => edit(at, next.length ? Object.fromEntries(next) : undefined);
  return (
    <div className="space-y-1">
      <p className="text-xs font-medium text-slate-600">Environment</p>
      <FieldIssues at={at} />
      {entries.map(([k, v], i) => (
        <div key={i} className="grid grid-cols-3 items-center gap-2" data-testid="env-row">
          <input aria-label="Variable" className={inputClass} disabled={readOnly} value={k} onChange={(e) => write(entries.map((en, j) => (j === i ? [e.target.value, en[1]] : en)))} />
          <input aria-label="Value" data-pointer={childPointer(at, k)} className={inputClass} disabled={readOnly} value={typeof v === "string" ? v : JSON.stringify(v)} onChange={(e) => edit(childPointer(at, k), e.target.value)} />
          <button type="button" className={smallButton} disabled={readOnly} onClick={() => write(entries.filter((_, j) => j !== i))}>Remove</button>
          <div className="col-span-3"><FieldIssues at={childPointer(at, k)} /></div>
        </div>
      ))}
      <button type="button" className={smallButton} disabled={readOnly || entries.some(([k]) => k === "")} onClick={() => write([...entries, ["", ""]])}>Add variable</button>
    </div>
  );
}
