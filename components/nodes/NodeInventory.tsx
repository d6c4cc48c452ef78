"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { NodeView } from "@/lib/nodes/nodeView";
import { api } from "../apiClient";
import { useCan } from "../Providers";
import { DataTable } from "../ui/DataTable";
import { ErrorBanner } from "../ui/ErrorBanner";
import { buttonClass, secondaryButtonClass } from "../ui/Field";
import { ConfirmButton } from "../ui/ConfirmButton";
import { RelativeTime } from "../ui/RelativeTime";
import { ArchBadge } from "./FactsTable";
import { useNodes } from "./nodeQueries";
import { ReachabilityBadge } from "./ReachabilityBadge";
import { useNodeEvents } from "./useNodeEvents";

function memory(mb: number | null | undefined) {
  return mb == null ? "—" : mb >= 1024 ? `${(mb / 1024).toFixed(1)} GiB` : `${mb} MiB`;
}

function NodeRow({ node }: { node: NodeView }) {
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

export function NodeInventory() {
  useNodeEvents();
  const nodes = useNodes();
  const canOperate = useCan("operator");
  return (
    <div className="space-y-4">
      <div className="flex items-center">
        <h1 className="text-2xl font-semibold">Nodes</h1>
        {canOperate && (
          <Link href="/nodes/new" className={`${buttonClass} ml-auto`}>
            Add node
          </Link>
        )}
      </div>
      <ErrorBanner error={nodes.error} />
      <DataTable
        testId="nodes-table"
        columns={[{ label: "Node" }, { label: "Role" }, { label: "Arch" }, { label: "OS" }, { label: "CPUs", align: "right" }, { label: "Memory", align: "right" }, { label: "Reachability" }, { label: "Last check" }, { label: "" }]}
        message={
          nodes.isLoading
            ? "Loading…"
            : nodes.data?.length === 0
              ? `No nodes yet. ${canOperate ? "Add the machines of your cluster: a master first, then agents." : "An operator can add them."}`
              : null
        }
      >
        {nodes.data?.map((n) => <NodeRow key={n.id} node={n} />)}
      </DataTable>
    </div>
  );
}
