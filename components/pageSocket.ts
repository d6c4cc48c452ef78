"use client";

import { useEffect, useRef } from "react";
import { io, type Socket } from "socket.io-client";
import { signInAgainOnServerClose } from "./signInAgainOnServerClose";

// One socket.io connection per page, whatever its components need: a cluster page with an
// overview, recent runs and a node list would otherwise open one connection each (and, on the
// server, one more member of each room and one more copy of each update). Rooms are
// reference-counted: joined while any component needs one, left when the last one unmounts, and
// joined again after every reconnect.

interface Shared {
  socket: Socket;
  users: number;
  rooms: Map<string, number>;
  closeTimer: ReturnType<typeof setTimeout> | null;
}

let shared: Shared | null = null;

/** The page's socket, created on first use; pair every call with releasePageSocket(). */
export function acquirePageSocket(): Socket {
  if (!shared) {
    // WebSocket first: log bytes travel as binary frames (long-polling would base64 them);
    // polling stays the fallback where a proxy refuses WebSockets.
    const socket = io({ withCredentials: true, transports: ["websocket", "polling"], tryAllTransports: true });
    const created: Shared = { socket, users: 0, rooms: new Map(), closeTimer: null };
    signInAgainOnServerClose(socket);
    // A reconnect is a fresh server-side socket, in no room: join what is still needed.
    socket.on("connect", () => {
      for (const room of created.rooms.keys()) socket.emit("subscribe", room);
    });
    shared = created;
  }
  if (shared.closeTimer) clearTimeout(shared.closeTimer);
  shared.closeTimer = null;
  shared.users++;
  return shared.socket;
}

export function releasePageSocket(): void {
  const held = shared;
  if (!held || --held.users > 0) return;
  // Not at once: React remounts in development, and a client-side navigation between two pages
  // should not drop the connection in between.
  held.closeTimer = setTimeout(() => {
    if (shared !== held || held.users > 0) return;
    held.socket.close();
    shared = null;
  }, 2000);
}

/** Joins `room` for as long as the returned function is not called (counted per page). */
function joinRoom(room: string): () => void {
  const held = shared!;
  const count = held.rooms.get(room) ?? 0;
  held.rooms.set(room, count + 1);
  if (count === 0 && held.socket.connected) held.socket.emit("subscribe", room);
  let left = false;
  return () => {
    if (left) return;
    left = true;
    const now = (held.rooms.get(room) ?? 1) - 1;
    if (now > 0) return void held.rooms.set(room, now);
    held.rooms.delete(room);
    if (held.socket.connected) held.socket.emit("unsubscribe", room);
  };
}

export type RoomHandlers = Record<string, (payload: any) => void>;

/**
 * Joins `room` on the page's socket while mounted and calls `handlers[event]` for its events;
 * `onConnect` runs on each (re)connect: what was published before the room was joined, or while
 * disconnected, is lost, so it is where a component catches up. Handlers may change between
 * renders without rejoining.
 */
export function useSocketRoom(room: string, handlers: RoomHandlers, onConnect?: () => void): void {
  const latest = useRef({ handlers, onConnect });
  latest.current = { handlers, onConnect };
  const events = Object.keys(handlers).sort().join("\n");
  useEffect(() => {
    const socket = acquirePageSocket();
    const leave = joinRoom(room);
    const listeners = events
      .split("\n")
      .filter(Boolean)
      .map((event) => [event, (payload: unknown) => latest.current.handlers[event]?.(payload)] as const);
    for (const [event, fn] of listeners) socket.on(event, fn);
    const onConnect = () => latest.current.onConnect?.();
    socket.on("connect", onConnect);
    return () => {
      for (const [event, fn] of listeners) socket.off(event, fn);
      socket.off("connect", onConnect);
      leave();
      releasePageSocket();
    };
  }, [room, events]);
}
