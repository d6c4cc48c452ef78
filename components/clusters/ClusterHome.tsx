"use client";

import Link from "next/link";
import { useState } from "react";
import type { ClusterView } from "@/lib/cluster/clusters";
import { ClusterSettingsForm } from "../cluster/ClusterSettingsForm";
import { PlanLauncher } from "../cluster/PlanLauncher";
import { RecentRuns } from "../cluster/RecentRuns";
import { UpgradeOffer } from "../cluster/UpgradeOffer";
import type { PlanKind } from "@/lib/recipes/planKinds";
import { PreflightPanel } from "../preflight/PreflightPanel";
import { VerifyPanel } from "../preflight/VerifyPanel";
import { useNodes } from "../nodes/nodeQueries";
import { useCan } from "../Providers";
import { OverviewPanel } from "../panels/OverviewPanel";
import { ResourceHistoryPanel } from "../panels/ResourceHistoryPanel";
import { useClusterUpdates } from "../panels/useClusterUpdates";
import { ErrorBanner } from "../ui/ErrorBanner";
import { secondaryButtonClass } from "../ui/Field";
import { AdoptedEndpoints } from "./AdoptedEndpoints";
import { ClusterHeading } from "./ClusterHeading";
import { MasterCountNotice } from "./MasterCountNotice";

/** What Armdeck does to a cluster it built: plans on its nodes, its runs, its settings. */
function ProvisionedSection({ clusterId }: { clusterId: number }) {
  const nodes = useNodes(clusterId);
  const canOperate = useCan("operator");
  const [chosen, setChosen] = useState<{ plan: PlanKind; at: number }>();
  return (
    <>
      <div className="flex items-center gap-3 text-sm">
        <Link href={`/nodes?cluster=${clusterId}`} className="text-sky-800 hover:underline">
          {nodes.data ? `${nodes.data.length} node${nodes.data.length === 1 ? "" : "s"}` : "Nodes"}
        </Link>
        {canOperate && (
          <Link href={`/nodes/new?cluster=${clusterId}`} className={`${secondaryButtonClass} ml-auto`}>
            Add node
          </Link>
        )}
      </div>
      <ErrorBanner error={nodes.error} />
      {nodes.data && <MasterCountNotice nodes={nodes.data} />}
      {nodes.data && nodes.data.length > 0 && <PreflightPanel clusterId={clusterId} />}
      {nodes.data && nodes.data.length > 0 && <UpgradeOffer clusterId={clusterId} onUpgrade={() => setChosen({ plan: "upgrade", at: Date.now() })} />}
      {nodes.data && <PlanLauncher clusterId={clusterId} nodes={nodes.data} chosen={chosen} />}
      {nodes.data && nodes.data.length > 0 && <VerifyPanel clusterId={clusterId} />}
      <RecentRuns clusterId={clusterId} />
      <details className="rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-semibold">Settings: versions, paths and ports</summary>
        <div className="mt-4">
          <ClusterSettingsForm clusterId={clusterId} />
        </div>
      </details>
    </>
  );
}

/** The cluster's home: one socket for the page (the overview and endpoints share its updates). */
export function ClusterHome({ cluster }: { cluster: ClusterView }) {
  const id = String(cluster.id);
  useClusterUpdates(id);
  return (
    <div className="space-y-6">
      <ClusterHeading clusterId={id} page="Overview" />
      <OverviewPanel clusterId={id} live={false} />
      <ResourceHistoryPanel clusterId={id} />
      {cluster.kind === "provisioned" ? <ProvisionedSection clusterId={cluster.id} /> : <AdoptedEndpoints clusterId={id} />}
    </div>
  );
}
