"use client";

import { ClusterHeading } from "../clusters/ClusterHeading";
import { ConnectivityPanel } from "../weave/ConnectivityPanel";
import { DeploymentsPanel } from "./DeploymentsPanel";
import { GroupTreePanel } from "./GroupTreePanel";
import { QueuePanel } from "./QueuePanel";
import { useClusterUpdates } from "./useClusterUpdates";

export function MarathonPage({ clusterId }: { clusterId: string }) {
  useClusterUpdates(clusterId);
  return (
    <div className="space-y-4">
      <ClusterHeading clusterId={clusterId} page="Marathon" />
      <DeploymentsPanel clusterId={clusterId} />
      <QueuePanel clusterId={clusterId} />
      <GroupTreePanel clusterId={clusterId} />
      <ConnectivityPanel clusterId={clusterId} />
    </div>
  );
}
