"use client";

import { ErrorBanner } from "../ui/ErrorBanner";
import { useNodes } from "../nodes/nodeQueries";
import { ClusterSettingsForm } from "./ClusterSettingsForm";
import { PlanLauncher } from "./PlanLauncher";
import { RecentRuns } from "./RecentRuns";

export function ClusterPage() {
  const nodes = useNodes();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Cluster</h1>
      <ErrorBanner error={nodes.error} />
      {nodes.data && <PlanLauncher nodes={nodes.data} />}
      <RecentRuns />
      <details className="rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-semibold">Settings: versions, paths and ports</summary>
        <div className="mt-4">
          <ClusterSettingsForm />
        </div>
      </details>
    </div>
  );
}
