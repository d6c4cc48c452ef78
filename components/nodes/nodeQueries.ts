"use client";

import { useQuery } from "@tanstack/react-query";
import type { NodeView } from "@/lib/nodes/nodeView";
import { api } from "../apiClient";

/** Every node, or one cluster's. */
export function useNodes(clusterId?: number) {
  const path = clusterId === undefined ? "/nodes" : `/clusters/${clusterId}/nodes`;
  return useQuery({ queryKey: clusterId === undefined ? ["nodes"] : ["nodes", "cluster", clusterId], queryFn: () => api<{ nodes: NodeView[] }>(path).then((r) => r.nodes) });
}

export function useNode(id: string) {
  return useQuery({ queryKey: ["nodes", id], queryFn: () => api<NodeView>(`/nodes/${encodeURIComponent(id)}`) });
}
