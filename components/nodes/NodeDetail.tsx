"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "../apiClient";
import { useCan } from "../Providers";
import { ConfirmButton } from "../ui/ConfirmButton";
import { ErrorBanner } from "../ui/ErrorBanner";
import { secondaryButtonClass } from "../ui/Field";
import { RelativeTime } from "../ui/RelativeTime";
import { EditNodeForm } from "./EditNodeForm";
import { FactsTable } from "./FactsTable";
import { HostKeyCard } from "./HostKeyCard";
import { HostKeyChangedPanel } from "./HostKeyChangedPanel";
import { useNode } from "./nodeQueries";
import { ReachabilityBadge } from "./ReachabilityBadge";
import { useNodeEvents } from "./useNodeEvents";

export function NodeDetail({ id }: { id: string }) {
  useNodeEvents();
  const router = useRouter();
  const queryClient = useQueryClient();
  const canOperate = useCan("operator");
  const [editing, setEditing] = useState(false);
  const node = useNode(id);
  const check = useMutation({
    mutationFn: () => api(`/nodes/${id}/check`, { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["nodes"] }),
  });
  const remove = useMutation({
    mutationFn: () => api(`/nodes/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["nodes"] });
      router.push("/nodes");
    },
  });
  if (node.error) return <ErrorBanner error={node.error} />;
  if (!node.data) return <p className="text-sm text-slate-500">Loading…</p>;
  const n = node.data;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{n.name}</h1>
        <ReachabilityBadge node={n} />
        <span className="font-mono text-sm text-slate-500">
          {n.username}@{n.address}:{n.port} · {n.authKind === "key" ? "key" : "password"} auth · {n.role === "both" ? "master + agent" : n.role}
        </span>
        {canOperate && (
          <span className="ml-auto flex gap-2">
            <button className={secondaryButtonClass} onClick={() => check.mutate()} disabled={check.isPending}>
              {check.isPending ? "Checking…" : "Re-check"}
            </button>
            <button className={secondaryButtonClass} onClick={() => setEditing(true)} disabled={editing}>
              Edit
            </button>
            <ConfirmButton label="Delete" question={`Delete ${n.name}? Its stored credentials are erased.`} onConfirm={() => remove.mutate()} />
          </span>
        )}
      </div>
      <ErrorBanner error={check.error ?? remove.error} />
      <HostKeyChangedPanel node={n} />
      {n.lastError && n.lastErrorKind !== "host_key_changed" && (
        <ErrorBanner
          title={
            <span data-testid="last-check-failed">
              Last check failed <RelativeTime iso={n.lastCheckedAt} />
            </span>
          }
          error={new Error(n.lastError)}
        />
      )}
      {editing && (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-3 font-semibold">Edit</h2>
          <EditNodeForm node={n} onDone={() => setEditing(false)} />
        </section>
      )}
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-semibold">
          {/* The facts' own time: a later failed check does not make old facts look fresh. */}
          Facts{" "}
          <span className="text-sm font-normal text-slate-500" data-testid="facts-gathered">
            (gathered <RelativeTime iso={n.factsGatheredAt} />)
          </span>
        </h2>
        {n.facts ? <FactsTable facts={n.facts} /> : <p className="text-sm text-slate-500">No facts yet.</p>}
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-semibold">Pinned host key</h2>
        <HostKeyCard hostKey={n.hostKey} />
      </section>
    </div>
  );
}
