"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { ClusterView } from "@/lib/cluster/clusters";
import type { NodeView } from "@/lib/nodes/nodeView";
import { api } from "../apiClient";
import { useClusters } from "../clusters/clusterQueries";
import { useCan } from "../Providers";
import { DataTable } from "../ui/DataTable";
import { ErrorBanner } from "../ui/ErrorBanner";
import { buttonClass, inputClass, secondaryButtonClass } from "../ui/Field";
import { ConfirmButton } from "../ui/ConfirmButton";
import { RelativeTime } from "../ui/RelativeTime";
import { ArchBadge } from "./FactsTable";
import { useNodes } from "./nodeQueries";
import { ReachabilityBadge } from "./ReachabilityBadge";
import { useNodeEvents } from "./useNodeEvents";

function memory(mb: number | null | undefined) {
  return mb == null ? "—" : mb >= 1024 ? `${(mb / 1024).toFixed(1)} GiB` : `${mb} MiB`;
}

function NodeRow({ node, cluster }: { node: NodeView; cluster: ClusterView | undefined }) {
  const queryClient = useQueryClient();
  const canOperate = useCan("operator");
  const check = useMutation({
    mutationFn: () => api(`/nodes/${node.id}/check`, { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["nodes"] }),
  });
  const remove = useMutation({
    mutationFn: () => api(`/nodes/${node.id}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["nodes"] }),
  });
  return (
    <tr className="border-t border-slate-100 align-top" data-node={node.name}>
      <td className="px-3 py-2">
        <Link href={`/nodes/${node.id}`} className="font-medium text-sky-800 hover:underline">
          {node.name}
        </Link>
        <div className="font-mono text-xs text-slate-500">
          {node.username}@{node.address}:{node.port}
        </div>
      </td>
      <td className="px-3 py-2 text-sm" data-testid="node-cluster">
        <Link href={`/clusters/${node.clusterId}`} className="font-mono text-sky-800 hover:underline">
          {cluster?.name ?? `#${node.clusterId}`}
        </Link>
      </td>
      <td className="px-3 py-2 text-sm">{node.role === "both" ? "master + agent" : node.role}</td>
      <td className="px-3 py-2">{node.facts ? <ArchBadge arch={node.facts.arch} /> : "—"}</td>
      <td className="px-3 py-2 text-sm">{node.facts?.os ?? "—"}</td>
      <td className="px-3 py-2 text-right text-sm">{node.facts?.cpus ?? "—"}</td>
      <td className="px-3 py-2 text-right text-sm">{memory(node.facts?.memoryMb)}</td>
      <td className="px-3 py-2">
        <ReachabilityBadge node={node} />
        {node.lastError && <div className="mt-1 max-w-xs text-xs text-red-800">{node.lastError}</div>}
        {(check.error || remove.error) && <ErrorBanner error={check.error ?? remove.error} />}
      </td>
      <td className="px-3 py-2 text-sm text-slate-600">
        <RelativeTime iso={node.lastCheckedAt} />
      </td>
      <td className="space-x-2 whitespace-nowrap px-3 py-2">
        {canOperate && (
          <>
            <button className={secondaryButtonClass} onClick={() => check.mutate()} disabled={check.isPending}>
              {check.isPending ? "Checking…" : "Re-check"}
            </button>
            <ConfirmButton label="Delete" question={`Delete ${node.name}?`} onConfirm={() => remove.mutate()} disabled={remove.isPending} />
          </>
        )}
      </td>
    </tr>
  );
}

/** `?cluster=<id>` in the address: only that cluster's nodes (a filtered view can be linked). */
function useClusterFilter(): [number | undefined, (id: string) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = Number(params.get("cluster"));
  const set = (id: string) => {
    const next = new URLSearchParams(params.toString());
    if (id) next.set("cluster", id);
    else next.delete("cluster");
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`);
  };
  return [Number.isInteger(raw) && raw > 0 ? raw : undefined, set];
}

export function NodeInventory() {
  useNodeEvents();
  const nodes = useNodes();
  const clusters = useClusters();
  const canOperate = useCan("operator");
  const [clusterId, setClusterId] = useClusterFilter();
  const byId = new Map((clusters.data ?? []).map((c) => [c.id, c]));
  const shown = nodes.data?.filter((n) => clusterId === undefined || n.clusterId === clusterId);
  return (
    <div className="space-y-4">
      <div className="flex items-end gap-3">
        <h1 className="text-2xl font-semibold">Nodes</h1>
        <div className="ml-auto text-sm">
          <label htmlFor="cluster-filter" className="mb-1 block font-medium text-slate-700">
            Cluster
          </label>
          <select id="cluster-filter" className={`${inputClass} w-44`} value={clusterId ?? ""} onChange={(e) => setClusterId(e.target.value)}>
            <option value="">Any</option>
            {(clusters.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {canOperate && (
          <Link href={clusterId === undefined ? "/nodes/new" : `/nodes/new?cluster=${clusterId}`} className={buttonClass}>
            Add node
          </Link>
        )}
      </div>
      <ErrorBanner error={nodes.error} />
      <DataTable
        testId="nodes-table"
        columns={[{ label: "Node" }, { label: "Cluster" }, { label: "Role" }, { label: "Arch" }, { label: "OS" }, { label: "CPUs", align: "right" }, { label: "Memory", align: "right" }, { label: "Reachability" }, { label: "Last check" }, { label: "" }]}
        message={
          nodes.isLoading
            ? "Loading…"
            : shown?.length === 0 && clusterId !== undefined && nodes.data!.length > 0
              ? "No node in this cluster."
              : shown?.length === 0
              ? `No nodes yet. ${canOperate ? "Add the machines of your cluster: a master first, then agents." : "An operator can add them."}`
              : null
        }
      >
        {shown?.map((n) => <NodeRow key={n.id} node={n} cluster={byId.get(n.clusterId)} />)}
      </DataTable>
    </div>
  );
}
