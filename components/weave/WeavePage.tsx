"use client";

import { ClusterHeading } from "../clusters/ClusterHeading";
import { useClusterUpdates } from "../panels/useClusterUpdates";
import { WeaveDnsTable } from "./WeaveDnsTable";
import { WeaveRoutersPanel } from "./WeaveRoutersPanel";

export function WeavePage({ clusterId }: { clusterId: string }) {
  useClusterUpdates(clusterId);
  return (
    <div className="space-y-4">
      <ClusterHeading clusterId={clusterId} page="Weave" />
      <WeaveRoutersPanel clusterId={clusterId} />
      <WeaveDnsTable clusterId={clusterId} />
    </div>
  );
}
