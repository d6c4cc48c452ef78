import type { Server } from "socket.io";
import type { Audience } from "./audience.ts";
import { clusterIdOfRoom, clusterRoom } from "./clusterRoom.ts";

/**
 * The audience of every cluster is the membership of its socket.io room `cluster:<id>` in this
 * process, read from the adapter, whose join/leave events (a disconnect leaves every room) tell
 * when to look again. Nothing has to remember to count: a tab that closes leaves by itself.
 */
export function socketRoomAudience(io: Pick<Server, "of">): Audience & { close(): void } {
  const adapter = io.of("/").adapter;
  const listeners = new Set<(clusterId: string) => void>();
  const onRoom = (room: string) => {
    const clusterId = clusterIdOfRoom(room);
    if (clusterId) for (const l of listeners) l(clusterId);
  };
  adapter.on("join-room", onRoom);
  adapter.on("leave-room", onRoom);
  return {
    watchers: (clusterId) => adapter.rooms.get(clusterRoom(clusterId))?.size ?? 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      adapter.off("join-room", onRoom);
      adapter.off("leave-room", onRoom);
      listeners.clear();
    },
  };
}
