"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { io } from "socket.io-client";
import { signInAgainOnServerClose } from "./signInAgainOnServerClose";

/**
 * Refetches a query when the server says it changed, instead of every tab polling: joins a
 * socket.io room and invalidates `queryKey` on the named event.
 */
export function useLiveInvalidation(room: string, event: string, queryKey: readonly unknown[]) {
  const queryClient = useQueryClient();
  const key = JSON.stringify(queryKey);
  useEffect(() => {
    // WebSocket first: log bytes travel as binary frames (long-polling would base64 them);
    // polling stays the fallback where a proxy refuses WebSockets.
    const socket = io({ withCredentials: true, transports: ["websocket", "polling"], tryAllTransports: true });
    signInAgainOnServerClose(socket);
    // On every (re)connect: events missed while disconnected are caught up by one refetch.
    socket.on("connect", () => {
      socket.emit("subscribe", room);
      void queryClient.invalidateQueries({ queryKey: JSON.parse(key) });
    });
    socket.on(event, () => void queryClient.invalidateQueries({ queryKey: JSON.parse(key) }));
    return () => {
      socket.close();
    };
  }, [queryClient, room, event, key]);
}
