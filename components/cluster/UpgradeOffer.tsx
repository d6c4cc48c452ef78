"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "../apiClient";
import { secondaryButtonClass } from "../ui/Field";

interface Offer {
  changes: { component: string; from: string; to: string; nodes: { id: string; name: string }[]; text: string }[];
}

/**
 * "Mesos 1.4.0 → 1.11.0 on 4 nodes: Upgrade…" when what the nodes run differs from the settings;
 * nothing when it does not. The button opens the upgrade plan's dry run in the plan launcher.
 */
export function UpgradeOffer({ clusterId, onUpgrade }: { clusterId: number; onUpgrade: () => void }) {
  const offer = useQuery({ queryKey: ["upgrade-offer", clusterId], queryFn: () => api<Offer>(`/clusters/${clusterId}/upgrade`), retry: false });
  const changes = offer.data?.changes ?? [];
  if (changes.length === 0) return null;
  return (
    <section className="flex flex-wrap items-center gap-3 rounded-lg border border-sky-300 bg-sky-50 p-4" data-testid="upgrade-offer">
      <p className="text-sm text-sky-950">
        {changes.map((c) => (
          <span key={`${c.component}-${c.from}`} className="mr-3 font-medium">
            {c.text}
          </span>
        ))}
      </p>
      <button className={secondaryButtonClass} onClick={onUpgrade}>
        Upgrade…
      </button>
    </section>
  );
}
