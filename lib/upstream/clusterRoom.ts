// The socket.io room every browser looking at one cluster joins; the poller's audience is the
// membership of this room and its results are published to it.

const PREFIX = "cluster:";
const CLUSTER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const CLUSTER_UPDATE_EVENT = "cluster:update";

export function clusterRoom(clusterId: string): string {
  return `${PREFIX}${clusterId}`;
}

/** The cluster id a room name is about, or null for any other room (or a malformed id). */
export function clusterIdOfRoom(room: string): string | null {
  if (!room.startsWith(PREFIX)) return null;
  const id = room.slice(PREFIX.length);
  return CLUSTER_ID.test(id) ? id : null;
}
