"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { CheckReply } from "@/lib/deploy/deployContract";
import { ApiError } from "../apiClient";
import { checkGroup } from "./deployApi";
import type { Json } from "./jsonPointer";

const DEBOUNCE_MS = 500;

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

async function runCheck(clusterId: string, text: string, signal?: AbortSignal): Promise<CheckReply> {
  try {
    return await checkGroup(clusterId, JSON.parse(text) as Json, signal);
  } catch (e) {
    // A refusal that carries a check (422 check_failed) is still the check's answer.
    if (e instanceof ApiError && e.body.check) return e.body.check as CheckReply;
    throw e;
  }
}

/**
 * `groups/check` on what the user has, a moment after they stop typing (nothing reaches Marathon),
 * and `checkNow()` for submit, which never trusts an answer about older text or older agents.
 */
export function useGroupCheck(clusterId: string, group: Json | null) {
  const text = group === null ? null : JSON.stringify(group);
  const debounced = useDebounced(text, DEBOUNCE_MS);
  const queryClient = useQueryClient();
  const q = useQuery({
    queryKey: ["deploy-check", clusterId, debounced],
    queryFn: ({ signal }) => runCheck(clusterId, debounced!, signal),
    enabled: debounced !== null,
    staleTime: 5_000,
    retry: false,
    placeholderData: (prev) => prev,
  });
  const checkNow = () => queryClient.fetchQuery({ queryKey: ["deploy-check", clusterId, text], queryFn: ({ signal }) => runCheck(clusterId, text!, signal), staleTime: 0 });
  const current = q.data && !q.isPlaceholderData && debounced === text;
  return { reply: q.data ?? null, current, pending: q.isFetching || debounced !== text, error: q.error, checkNow };
}
