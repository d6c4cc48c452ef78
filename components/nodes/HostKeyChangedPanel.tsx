"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { NodeView } from "@/lib/nodes/nodeView";
import { api } from "../apiClient";
import { useCan } from "../Providers";
import { ErrorBanner } from "../ui/ErrorBanner";
import { dangerButtonClass } from "../ui/Field";
import { HostKeyCard } from "./HostKeyCard";

/** A changed host key is a hard stop: both keys side by side, and only an admin may re-pin. */
export function HostKeyChangedPanel({ node }: { node: NodeView }) {
  const isAdmin = useCan("admin");
  const queryClient = useQueryClient();
  const [compared, setCompared] = useState(false);
  const repin = useMutation({
    mutationFn: () => api(`/nodes/${node.id}/host-key`, { method: "POST", body: { hostKeyFingerprint: node.offeredHostKey!.fingerprint } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["nodes"] }),
  });
  if (node.lastErrorKind !== "host_key_changed" || !node.offeredHostKey) return null;
  return (
    <section className="space-y-3 rounded-lg border-2 border-red-600 bg-red-50 p-4" data-testid="host-key-changed">
      <h2 className="text-lg font-semibold text-red-800">Host key changed: Armdeck will not connect</h2>
      <p className="text-sm text-red-900">
        The machine at {node.address}:{node.port} now presents a different host key than the one pinned when the node was added. That happens
        when the machine was reinstalled or its SSH keys regenerated, and also when someone intercepts the connection. Check on the machine
        itself before trusting the new key.
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <HostKeyCard title="Pinned" hostKey={node.hostKey} />
        <HostKeyCard title="Offered now" hostKey={{ type: node.offeredHostKey.type ?? "unknown type", bits: node.offeredHostKey.bits, fingerprint: node.offeredHostKey.fingerprint }} />
      </div>
      {isAdmin ? (
        <div className="space-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={compared} onChange={(e) => setCompared(e.target.checked)} /> I verified the offered fingerprint on the machine
          </label>
          <button className={dangerButtonClass} disabled={!compared || repin.isPending} onClick={() => repin.mutate()}>
            Re-pin to the offered key
          </button>
          <ErrorBanner error={repin.error} />
        </div>
      ) : (
        <p className="text-sm font-medium text-red-900">Only an admin can re-pin the key.</p>
      )}
    </section>
  );
}
