import type { AuditEventView } from "@/lib/audit/listAuditEvents";

export const AUDIT_RESULTS = ["success", "failure", "denied"] as const;

export const FILTER_KEYS = ["actor", "action", "target", "result", "since", "until"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** What the URL holds; since/until are ISO instants so a shared link means the same moment in every time zone. */
export type AuditFilters = Partial<Record<FilterKey, string>>;

export interface AuditPage {
  events: AuditEventView[];
  nextBefore: number | null;
}

export function filtersFromParams(params: { get(name: string): string | null }): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

export function filtersToSearch(filters: AuditFilters, before?: number): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (before !== undefined) params.set("before", String(before));
  return params.toString();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** ISO instant → the browser-local "YYYY-MM-DDTHH:mm" a datetime-local input shows. */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * datetime-local value (local time, no zone) → ISO instant. The input only has minutes, so
 * "until 10:30" is taken to mean up to the end of that minute, not its first millisecond.
 */
export function localInputToIso(local: string, endOfMinute: boolean): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  if (Number.isNaN(d.getTime())) return undefined;
  if (endOfMinute) d.setSeconds(59, 999);
  return d.toISOString();
}
