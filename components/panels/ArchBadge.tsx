/** aarch64 and x86_64 in distinct colours, so a mixed cluster is visible at a glance. */
export function ArchBadge({ arch }: { arch: string | null }) {
  const cls = !arch
    ? "bg-slate-100 text-slate-500"
    : arch === "aarch64" || arch === "arm64"
      ? "bg-violet-100 text-violet-800"
      : arch === "x86_64" || arch === "amd64"
        ? "bg-teal-100 text-teal-800"
        : "bg-slate-200 text-slate-700";
  return <span data-testid="arch" className={`inline-block rounded px-1.5 py-0.5 font-mono text-[11px] ${cls}`}>{arch ?? "arch unknown"}</span>;
}
