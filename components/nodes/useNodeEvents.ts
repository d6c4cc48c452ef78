"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { io } from "socket.io-client";

/** Live inventory: any node change published by the server refreshes the node queries. */
export function useNodeEvents() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = io({ withCredentials: true });
    socket.on("connect", () => socket.emit("subscribe", "nodes"));
    socket.on("node:changed", () => void queryClient.invalidateQueries({ queryKey: ["nodes"] }));
    return () => {
      socket.close();
    };
  }, [queryClient]);
}
