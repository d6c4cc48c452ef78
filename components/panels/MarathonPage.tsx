"use client";

import { DeploymentsPanel } from "./DeploymentsPanel";
import { GroupTreePanel } from "./GroupTreePanel";
import { QueuePanel } from "./QueuePanel";
import { useClusterUpdates } from "./useClusterUpdates";

export function MarathonPage({ clusterId }: { clusterId: string }) {
  useClusterUpdates(clusterId);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Marathon · cluster <span className="font-mono">{clusterId}</span></h1>
      <DeploymentsPanel clusterId={clusterId} />
      <QueuePanel clusterId={clusterId} />
      <GroupTreePanel clusterId={clusterId} />
    </div>
  );
}
