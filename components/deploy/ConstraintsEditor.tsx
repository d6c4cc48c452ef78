"use client";

import { inputClass } from "../ui/Field";
import { FieldIssues } from "./FieldIssues";
import { rowsAt, smallButton } from "./fields";
import { useDeployForm } from "./formContext";
import { childPointer, type Json } from "./jsonPointer";

const OPERATORS = ["UNIQUE", "CLUSTER", "GROUP_BY", "LIKE", "UNLIKE", "MAX_PER"];

/** Constraints as Marathon takes them: `[field, operator, value?]`. */
export function ConstraintsEditor({ app }: { app: string }) {
  const { root, edit, readOnly } = useDeployForm();
  const at = childPointer(app, "constraints");
  const rows = rowsAt(root, at);
  const has = (op: string) => rows.some((r) => Array.isArray(r) && r[0] === "hostname" && r[1] === op);
  const add = (row: Json[]) => edit(childPointer(at, rows.length), row);
  const cell = (i: number, k: number, value: string) => {
    const row = Array.isArray(rows[i]) ? [...(rows[i] as Json[])] : [];
    row[k] = value;
    // An empty value is no value: ["hostname", "UNIQUE"] has two elements, not three.
    while (row.length > 2 && (row[row.length - 1] === "" || row[row.length - 1] === undefined)) row.pop();
    edit(childPointer(at, i), row);
  };
  return (
    <div className="space-y-1">
      <p className="text-xs font-medium text-slate-600">Constraints</p>
      <p className="text-xs text-slate-500">Marathon does not spread instances across agents by default: with room on one agent, several instances land there.</p>
      <FieldIssues at={at} />
      {rows.map((r, i) => {
        const row = Array.isArray(r) ? r : [];
        return (
          <div key={i} className="grid grid-cols-4 items-center gap-2" data-testid="constraint-row">
            <input aria-label="Field" className={inputClass} disabled={readOnly} value={String(row[0] ?? "")} onChange={(e) => cell(i, 0, e.target.value)} />
            <select aria-label="Operator" className={inputClass} disabled={readOnly} value={String(row[1] ?? "")} onChange={(e) => cell(i, 1, e.target.value)}>
              {!OPERATORS.includes(String(row[1] ?? "")) && <option value={String(row[1] ?? "")}>{String(row[1] ?? "")}</option>}
              {OPERATORS.map((o) => <option key={o}>{o}</option>)}
            </select>
            <input aria-label="Value" className={inputClass} disabled={readOnly} value={row[2] === undefined ? "" : String(row[2])} onChange={(e) => cell(i, 2, e.target.value)} />
            <button type="button" className={smallButton} disabled={readOnly} onClick={() => edit(childPointer(at, i), undefined)}>Remove</button>
            <div className="col-span-4"><FieldIssues at={childPointer(at, i)} /></div>
          </div>
        );
      })}
      <div className="flex flex-wrap gap-2">
        {!has("UNIQUE") && <button type="button" className={smallButton} disabled={readOnly} onClick={() => add(["hostname", "UNIQUE"])}>Spread across agents (hostname UNIQUE: at most one per agent)</button>}
        {!has("GROUP_BY") && <button type="button" className={smallButton} disabled={readOnly} onClick={() => add(["hostname", "GROUP_BY"])}>Spread evenly (hostname GROUP_BY)</button>}
        <button type="button" className={smallButton} disabled={readOnly} onClick={() => add(["", "CLUSTER", ""])}>Add constraint</button>
      </div>
    </div>
  );
}
