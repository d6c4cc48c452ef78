"use client";

import { useState } from "react";
import type { GroupView } from "@/lib/panels/groupsView";
import { useCan } from "../Providers";
import { PanelFrame } from "../panels/PanelFrame";
import { usePanel } from "../panels/usePanel";
import { ErrorBanner } from "../ui/ErrorBanner";
import { ConnectivityRun } from "./ConnectivityRun";
import { useStartConnectivity } from "./connectivityQueries";

// "Check connectivity" per Marathon group: the runbook's last step (inside a container, resolve
// every app name and ping every container) for every container of the group at once.

const hasApps = (g: GroupView): boolean => g.apps.length > 0 || g.groups.some(hasApps);

/** Every group below the root with an app somewhere under it, parents before their subgroups. */
function groupsWithApps(g: GroupView): GroupView[] {
  return g.groups.filter(hasApps).flatMap((c) => [c, ...groupsWithApps(c)]);
}

export function ConnectivityPanel({ clusterId }: { clusterId: string }) {
  const groups = usePanel<GroupView>(clusterId, "groups");
  const canOperate = useCan("operator");
  const start = useStartConnectivity(clusterId);
  const [active, setActive] = useState<{ groupId: string; runId: string } | null>(null);
  const run = (groupId: string, installPing: boolean) =>
    start.mutate({ groupId, installPing }, { onSuccess: (r) => setActive({ groupId, runId: r.runId }) });
  return (
    <PanelFrame title="Connectivity across the overlay" query={groups} testId="connectivity-panel">
      {(root) => {
        const list = groupsWithApps(root);
        return (
          <div className="space-y-3">
            {list.length === 0 ? (
              <p className="text-sm text-slate-500">No group runs apps.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {list.map((g) => (
                  <li key={g.id} className="flex items-center gap-3" data-testid="connectivity-group" data-group={g.id}>
                    <span className="font-mono">{g.id}</span>
                    {canOperate && (
                      <button type="button" className="rounded border border-sky-600 px-2 py-0.5 text-sky-700 hover:bg-sky-50 disabled:opacity-50" disabled={start.isPending} onClick={() => run(g.id, false)}>
                        Check connectivity
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {start.error && <ErrorBanner error={start.error} title="The check did not start" />}
            {active && <ConnectivityRun key={active.runId} clusterId={clusterId} groupId={active.groupId} runId={active.runId} onInstallPing={canOperate ? () => run(active.groupId, true) : undefined} />}
          </div>
        );
      }}
    </PanelFrame>
  );
}
