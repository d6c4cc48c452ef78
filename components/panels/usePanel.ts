"use client";

import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../apiClient";

// A panel's data from its API route. An upstream that is down is not an exception here: the reply
// (502/503/504) says why in words and carries the last good data, which the panel keeps showing.

export interface UpstreamProblem {
  code: string;
  message: string;
  upstream: string;
}

export interface PanelResult<V> {
  data: V | null;
  problem: UpstreamProblem | null;
  fetchedAt: string | null;
  ageMs: number | null;
  receivedAt: number;
}

export const panelKey = (clusterId: string, panel: string, params?: Record<string, unknown>) => ["cluster", clusterId, panel, ...(params ? [params] : [])] as const;

async function fetchPanel<V>(path: string, signal: AbortSignal): Promise<PanelResult<V>> {
  const res = await fetch(`/api/v1${path}`, { headers: { Accept: "application/json" }, credentials: "same-origin", signal });
  const body = (await res.json().catch(() => ({}))) as Record<string, any>;
  const receivedAt = Date.now();
  if (res.ok) return { data: body as V, problem: null, fetchedAt: body.fetchedAt ?? null, ageMs: body.ageMs ?? null, receivedAt };
  if (res.status === 502 || res.status === 503 || res.status === 504) {
    const stale = body.stale as { data: V; fetchedAt: string; ageMs: number } | null;
    return { data: stale?.data ?? null, problem: body.error, fetchedAt: stale?.fetchedAt ?? null, ageMs: stale?.ageMs ?? null, receivedAt };
  }
  if (res.status === 401) window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`);
  throw new ApiError(String(body.error?.message ?? `Request failed (${res.status})`), res.status, String(body.error?.code ?? "error"));
}

export function usePanel<V>(clusterId: string, panel: string, query?: Record<string, string | number | undefined>) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== "") qs.set(k, String(v));
  const path = `/clusters/${encodeURIComponent(clusterId)}/${panel}${qs.size ? `?${qs}` : ""}`;
  return useQuery({
    queryKey: panelKey(clusterId, panel, query),
    queryFn: ({ signal }) => fetchPanel<V>(path, signal),
    // Updates come over the cluster's socket room; no timer per tab. A failed upstream is
    // re-asked on the room's next update, which the poller sends after each attempt.
    staleTime: Infinity,
    placeholderData: (prev) => prev,
  });
}
