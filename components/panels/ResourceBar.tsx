import { pct } from "./format";

/** One used-of-total bar; the label says the numbers so the bar is never the only carrier. */
export function ResourceBar({ label, used, total, text }: { label: string; used: number; total: number; text: string }) {
  const p = pct(used, total);
  return (
    <div className="min-w-0" title={`${label}: ${text}`}>
      <div className="flex justify-between text-[11px] text-slate-600">
        <span>{label}</span>
        <span>{text}</span>
      </div>
      <div className="h-2 rounded bg-slate-100" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={used}>
        <div className={`h-2 rounded ${p > 90 ? "bg-red-500" : p > 70 ? "bg-amber-500" : "bg-sky-600"}`} style={{ width: `${p}%` }} />
      </div>
    </div>
  );
}
