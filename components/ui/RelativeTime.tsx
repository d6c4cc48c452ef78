"use client";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1000],
];
const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

export function RelativeTime({ iso }: { iso: string | null }) {
  if (!iso) return <span className="text-slate-400">never</span>;
  const diff = new Date(iso).getTime() - Date.now();
  const [unit, ms] = UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? ["second", 1000];
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()} suppressHydrationWarning>
      {rtf.format(Math.round(diff / ms), unit)}
    </time>
  );
}
