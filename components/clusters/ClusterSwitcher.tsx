"use client";

import { usePathname, useRouter } from "next/navigation";
import { useClusters } from "./clusterQueries";

const ALL = "all";

/** The cluster in the address, if any: /clusters/<id>/… */
export function clusterIdFromPath(pathname: string): string | null {
  return /^\/clusters\/([1-9][0-9]{0,9})(?:\/|$)/.exec(pathname)?.[1] ?? null;
}

/** Switching keeps the page (overview, resources, marathon) and changes the cluster. */
export function ClusterSwitcher() {
  const pathname = usePathname();
  const router = useRouter();
  const clusters = useClusters();
  const current = clusterIdFromPath(pathname);
  function go(value: string) {
    if (value === ALL) return router.push("/clusters");
    const rest = current ? pathname.replace(/^\/clusters\/[0-9]+/, "") : "";
    router.push(`/clusters/${value}${rest}`);
  }
  return (
    <label className="flex items-center gap-1 text-sm text-slate-600">
      Cluster
      <select
        aria-label="Switch cluster"
        className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm text-slate-900"
        value={current ?? ""}
        onChange={(e) => go(e.target.value)}
        data-testid="cluster-switcher"
      >
        {current === null && <option value="">Choose…</option>}
        {(clusters.data ?? []).map((c) => (
          <option key={c.id} value={String(c.id)}>
            {c.name} ({c.kind})
          </option>
        ))}
        <option value={ALL}>All clusters</option>
      </select>
    </label>
  );
}
