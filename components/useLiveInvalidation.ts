"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSocketRoom } from "./pageSocket";

/**
 * Refetches a query when the server says it changed, instead of every tab polling: joins a
 * socket.io room on the page's one socket and invalidates `queryKey` on the named event.
 */
export function useLiveInvalidation(room: string, event: string, queryKey: readonly unknown[]) {
  const queryClient = useQueryClient();
  const invalidate = () => void queryClient.invalidateQueries({ queryKey });
  // On every (re)connect too: events missed while disconnected are caught up by one refetch.
  useSocketRoom(room, { [event]: invalidate }, invalidate);
}
