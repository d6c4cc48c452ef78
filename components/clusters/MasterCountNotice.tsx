"use client";

import { masterCountVerdict } from "@/lib/cluster/masterCount";

/** Before any plan: the cluster's master count refused with why (the same words the plan uses), or the quorum it gives. */
export function MasterCountNotice({ nodes }: { nodes: { role: string }[] }) {
  const masters = nodes.filter((n) => n.role === "master" || n.role === "both").length;
  if (nodes.length === 0) return null;
  const verdict = masterCountVerdict(masters);
  if (!verdict.ok) {
    return (
      <p role="alert" data-testid="master-count" data-ok="false" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        {verdict.reason}. Armdeck builds no plan for this cluster (not even Status) until the master roles change.
      </p>
    );
  }
  if (masters === 1) return null;
  return (
    <p data-testid="master-count" data-ok="true" className="text-sm text-slate-600">
      {masters} masters: a ZooKeeper ensemble and Mesos quorum {verdict.quorum}, so the cluster survives {verdict.tolerates} master{verdict.tolerates === 1 ? "" : "s"} down.
    </p>
  );
}
