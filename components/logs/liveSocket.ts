"use client";

import { useEffect, useState } from "react";
import type { Socket } from "socket.io-client";
import { acquirePageSocket, releasePageSocket } from "../pageSocket";
import { LogFollower } from "./logFollower";

// One follower per page for every log and plan run it shows, on the page's one socket
// (components/pageSocket.ts): a plan page with a viewer and a live tail per running node would
// otherwise open a connection (and a replay) each.

export interface LiveSocket {
  socket: Socket;
  follower: LogFollower;
}

interface Shared extends LiveSocket {
  users: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
  /** Tells a first "Connecting…" from a "reconnecting" after a drop. */
  everConnected: boolean;
  onConnect: () => void;
}

let shared: Shared | null = null;

function acquire(): Shared {
  if (!shared) {
    const socket = acquirePageSocket();
    const created: Shared = { socket, follower: new LogFollower(socket), users: 0, closeTimer: null, everConnected: socket.connected, onConnect: () => (created.everConnected = true) };
    socket.on("connect", created.onConnect);
    shared = created;
  }
  if (shared.closeTimer) clearTimeout(shared.closeTimer);
  shared.closeTimer = null;
  shared.users++;
  return shared;
}

function release(): void {
  const held = shared;
  if (!held || --held.users > 0) return;
  // Not at once: React remounts in development, and a client-side navigation between two log
  // pages should not drop the connection in between.
  held.closeTimer = setTimeout(() => {
    if (shared !== held || held.users > 0) return;
    held.follower.dispose();
    held.socket.off("connect", held.onConnect);
    releasePageSocket();
    shared = null;
  }, 2000);
}

/**
 * The page's socket (null until mounted: it only exists in the browser), whether it is up, and
 * whether it is down after having been up (output may be missing until it is back).
 */
export function useLiveSocket(): { live: LiveSocket | null; connected: boolean; reconnecting: boolean } {
  const [live, setLive] = useState<Shared | null>(null);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const held = acquire();
    setLive(held);
    setConnected(held.socket.connected);
    const up = () => setConnected(true);
    const down = () => setConnected(false);
    held.socket.on("connect", up);
    held.socket.on("disconnect", down);
    return () => {
      held.socket.off("connect", up);
      held.socket.off("disconnect", down);
      release();
    };
  }, []);
  return { live, connected, reconnecting: !connected && !!live?.everConnected };
}
