"use client";

import { FrameworksPanel } from "./FrameworksPanel";
import { ResourcesPanel } from "./ResourcesPanel";
import { TasksPanel } from "./TasksPanel";
import { useClusterUpdates } from "./useClusterUpdates";

export function ResourcesPage({ clusterId }: { clusterId: string }) {
  useClusterUpdates(clusterId);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Resources · cluster <span className="font-mono">{clusterId}</span></h1>
      <ResourcesPanel clusterId={clusterId} />
      <FrameworksPanel clusterId={clusterId} />
      <TasksPanel clusterId={clusterId} />
    </div>
  );
}
