"use client";

import { usePathname, useRouter } from "next/navigation";
import { useSyncExternalStore, type FormEvent } from "react";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "../ui/Field";
import { AUDIT_RESULTS, filtersToSearch, isoToLocalInput, localInputToIso, type AuditFilters } from "./auditFilters";

const ACTION_PREFIXES = ["auth.", "node.", "user.", "token.", "api."];

const noSubscribe = () => () => {};

/** False during server rendering and hydration, true after: the server does not know the browser's time zone. */
function useMounted(): boolean {
  return useSyncExternalStore(noSubscribe, () => true, () => false);
}

export function AuditFilterBar({ filters }: { filters: AuditFilters }) {
  const router = useRouter();
  const pathname = usePathname();
  const mounted = useMounted();
  const active = Object.keys(filters).length > 0;

  function go(next: AuditFilters) {
    const search = filtersToSearch(next);
    // push, not replace: Back returns to the previous filter, and the address is the link to share.
    router.push(search ? `${pathname}?${search}` : pathname, { scroll: false });
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim() || undefined;
    go({
      actor: text("actor"),
      action: text("action"),
      target: text("target"),
      result: text("result"),
      since: localInputToIso(String(data.get("since") ?? ""), false),
      until: localInputToIso(String(data.get("until") ?? ""), true),
    });
  }

  // Uncontrolled inputs remounted whenever the URL changes (Back, a pasted link, Clear), so the
  // form always shows the filter the table is showing; the mount flip fills in local times.
  return (
    <form
      key={`${mounted}|${filtersToSearch(filters)}`}
      onSubmit={onSubmit}
      className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6"
      aria-label="Filter audit events"
    >
      <Field label="Actor" htmlFor="audit-actor">
        <input id="audit-actor" name="actor" className={inputClass} defaultValue={filters.actor ?? ""} placeholder="username" />
      </Field>
      <Field label="Action starts with" htmlFor="audit-action">
        <input id="audit-action" name="action" list="audit-action-prefixes" className={inputClass} defaultValue={filters.action ?? ""} placeholder="node." />
        <datalist id="audit-action-prefixes">
          {ACTION_PREFIXES.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </Field>
      <Field label="Target contains" htmlFor="audit-target">
        <input id="audit-target" name="target" className={inputClass} defaultValue={filters.target ?? ""} />
      </Field>
      <Field label="Result" htmlFor="audit-result">
        <select id="audit-result" name="result" className={inputClass} defaultValue={filters.result ?? ""}>
          <option value="">Any</option>
          {AUDIT_RESULTS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Since" htmlFor="audit-since">
        <input id="audit-since" name="since" type="datetime-local" className={inputClass} defaultValue={mounted ? isoToLocalInput(filters.since) : ""} />
      </Field>
      <Field label="Until" htmlFor="audit-until">
        <input id="audit-until" name="until" type="datetime-local" className={inputClass} defaultValue={mounted ? isoToLocalInput(filters.until) : ""} />
      </Field>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-6">
        <button type="submit" className={buttonClass}>
          Apply filters
        </button>
        {active && (
          <button type="button" className={secondaryButtonClass} onClick={() => go({})}>
            Clear
          </button>
        )}
      </div>
    </form>
  );
}
