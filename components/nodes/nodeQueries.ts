"use client";

import { useQuery } from "@tanstack/react-query";
import type { NodeView } from "@/lib/nodes/nodeView";
import { api } from "../apiClient";

export function useNodes() {
  return useQuery({ queryKey: ["nodes"], queryFn: () => api<{ nodes: NodeView[] }>("/nodes").then((r) => r.nodes) });
}

export function useNode(id: string) {
  return useQuery({ queryKey: ["nodes", id], queryFn: () => api<NodeView>(`/nodes/${encodeURIComponent(id)}`) });
}
