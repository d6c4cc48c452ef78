"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCluster } from "./clusterQueries";

/** Every page about one cluster says which, and links its other pages. */
export function ClusterHeading({ clusterId, page }: { clusterId: string; page: string }) {
  const cluster = useCluster(clusterId);
  const pathname = usePathname();
  const base = `/clusters/${encodeURIComponent(clusterId)}`;
  const tabs = [
    { href: base, label: "Overview" },
    { href: `${base}/resources`, label: "Resources" },
    { href: `${base}/marathon`, label: "Marathon" },
    { href: `${base}/weave`, label: "Weave" },
  ];
  const name = cluster.data?.name ?? `#${clusterId}`;
  return (
    <div className="space-y-2">
      <h1 className="text-xl font-semibold" data-testid="cluster-heading">
        {page} · cluster <span className="font-mono">{name}</span>
        {cluster.data && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 align-middle text-xs font-normal text-slate-700">{cluster.data.kind}</span>}
      </h1>
      <nav aria-label="Cluster pages" className="flex gap-1 border-b border-slate-200 text-sm">
        {tabs.map((t) => (
          <Link
            key={t.href}
            href={t.href}
            aria-current={pathname === t.href ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-1.5 ${pathname === t.href ? "border-slate-900 font-medium text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
    </div>
  );
}
