"use client";

import { useEffect, useId, useState } from "react";
import { inputClass } from "../ui/Field";
import { FieldIssues } from "./FieldIssues";
import { useDeployForm } from "./formContext";
import { getAt, type Json } from "./jsonPointer";

// Inputs bound to one JSON Pointer of the raw group. Clearing a field removes its key (Marathon's
// default applies) rather than writing an empty value the user never meant.

function Labelled({ label, at, children, hint, id }: { label: string; at: string; children: React.ReactNode; hint?: string; id: string }) {
  return (
    <div className="space-y-0.5">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">{label}</label>
      {children}
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
      <FieldIssues at={at} />
    </div>
  );
}

export function TextField({ label, at, placeholder, hint, onSet }: { label: string; at: string; placeholder?: string; hint?: string; onSet?: (value: string) => void }) {
  const { root, edit, readOnly } = useDeployForm();
  const id = useId();
  const v = getAt(root, at);
  return (
    <Labelled label={label} at={at} hint={hint} id={id}>
      <input
        id={id}
        data-pointer={at}
        className={inputClass}
        placeholder={placeholder}
        disabled={readOnly}
        value={typeof v === "string" ? v : v === undefined ? "" : JSON.stringify(v)}
        onChange={(e) => (onSet ? onSet(e.target.value) : edit(at, e.target.value === "" ? undefined : e.target.value))}
      />
    </Labelled>
  );
}

export function NumberField({ label, at, step = "any", hint }: { label: string; at: string; step?: string; hint?: string }) {
  const { root, edit, readOnly } = useDeployForm();
  const id = useId();
  const v = getAt(root, at);
  // Local text so "0." can be typed; the JSON gets the number as soon as it is one.
  const [text, setText] = useState(v === undefined ? "" : String(v));
  useEffect(() => {
    if (String(v ?? "") !== text && Number(text) !== v) setText(v === undefined ? "" : String(v));
  }, [v]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Labelled label={label} at={at} hint={hint} id={id}>
      <input
        id={id}
        data-pointer={at}
        className={inputClass}
        inputMode="decimal"
        step={step}
        disabled={readOnly}
        value={text}
        onChange={(e) => {
          const t = e.target.value.trim();
          setText(e.target.value);
          // Not a number yet: keep what was typed in the JSON so the check names the field.
          edit(at, t === "" ? undefined : Number.isFinite(Number(t)) ? Number(t) : t);
        }}
      />
    </Labelled>
  );
}

export function SelectField({ label, at, options, hint }: { label: string; at: string; options: { value: string; label: string }[]; hint?: string }) {
  const { root, edit, readOnly } = useDeployForm();
  const id = useId();
  const v = getAt(root, at);
  return (
    <Labelled label={label} at={at} hint={hint} id={id}>
      <select id={id} data-pointer={at} className={inputClass} disabled={readOnly} value={typeof v === "string" ? v : ""} onChange={(e) => edit(at, e.target.value === "" ? undefined : e.target.value)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Labelled>
  );
}

/** A list of strings typed as "a, b": the array is written as the user types, the commas kept while typing. */
export function ListField({ label, at, placeholder, hint }: { label: string; at: string; placeholder?: string; hint?: string }) {
  const { root, edit, readOnly } = useDeployForm();
  const id = useId();
  const v = getAt(root, at);
  const list = Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : JSON.stringify(x))) : [];
  const [text, setText] = useState(list.join(", "));
  const parse = (t: string) => t.split(",").map((s) => s.trim()).filter(Boolean);
  useEffect(() => {
    if (parse(text).join("\n") !== list.join("\n")) setText(list.join(", "));
  }, [JSON.stringify(v)]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Labelled label={label} at={at} hint={hint} id={id}>
      <input
        id={id}
        data-pointer={at}
        className={inputClass}
        placeholder={placeholder}
        disabled={readOnly}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const items = parse(e.target.value);
          edit(at, items.length ? items : undefined);
        }}
      />
    </Labelled>
  );
}

export function rowsAt(root: Json, at: string): Json[] {
  const v = getAt(root, at);
  return Array.isArray(v) ? v : [];
}

export const smallButton = "w-fit rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-50";
