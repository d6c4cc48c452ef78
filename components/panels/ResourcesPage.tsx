"use client";

import { ClusterHeading } from "../clusters/ClusterHeading";
import { FrameworksPanel } from "./FrameworksPanel";
import { ResourcesPanel } from "./ResourcesPanel";
import { TasksPanel } from "./TasksPanel";
import { useClusterUpdates } from "./useClusterUpdates";

export function ResourcesPage({ clusterId }: { clusterId: string }) {
  useClusterUpdates(clusterId);
  return (
    <div className="space-y-4">
      <ClusterHeading clusterId={clusterId} page="Resources" />
      <ResourcesPanel clusterId={clusterId} />
      <FrameworksPanel clusterId={clusterId} />
      <TasksPanel clusterId={clusterId} />
    </div>
  );
}
