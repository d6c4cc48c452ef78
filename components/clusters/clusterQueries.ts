"use client";

import { useQuery } from "@tanstack/react-query";
import type { ClusterView } from "@/lib/cluster/clusters";
import { api } from "../apiClient";

// One query per cluster list and per cluster, shared by the switcher and the pages' headings.

export function useClusters() {
  return useQuery({ queryKey: ["clusters", "list"], queryFn: () => api<{ clusters: ClusterView[] }>("/clusters").then((r) => r.clusters) });
}

export function useCluster(id: string) {
  return useQuery({ queryKey: ["clusters", id], queryFn: () => api<ClusterView>(`/clusters/${encodeURIComponent(id)}`) });
}
