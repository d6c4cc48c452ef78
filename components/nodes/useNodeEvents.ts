"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { io } from "socket.io-client";

/** Live inventory: any node change published by the server refreshes the node queries. */
export function useNodeEvents() {
  const queryClient = useQueryClient();
  useEffect(() => {
    // WebSocket first: log bytes travel as binary frames (long-polling would base64 them);
    // polling stays the fallback where a proxy refuses WebSockets.
    const socket = io({ withCredentials: true, transports: ["websocket", "polling"], tryAllTransports: true });
    socket.on("connect", () => socket.emit("subscribe", "nodes"));
    socket.on("node:changed", () => void queryClient.invalidateQueries({ queryKey: ["nodes"] }));
    return () => {
      socket.close();
    };
  }, [queryClient]);
}
