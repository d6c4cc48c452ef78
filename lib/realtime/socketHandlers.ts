import type { Socket } from "socket.io";
import { db } from "../db/client.ts";
import { jobRoom, planRoom } from "../jobs/logPublisher.ts";
import { readLog } from "../jobs/logStore.ts";
import { roleAllows, type Role } from "../auth/roles.ts";
import { parseClusterId } from "../cluster/clusterInput.ts";
import { clusterIdOfRoom } from "../upstream/clusterRoom.ts";
import { ROOMS } from "./publish.ts";
import { reauthorizeSocket } from "./socketAuth.ts";

const REPLAY_SLICE = 1024 * 1024;

// Every room carries what a viewer may read (node list, run progress, logs); a room for writers
// only would name its role here, and every join is checked against the role as it is now.
const ROOM_ROLE: Role = "viewer";

/** Joins only while the socket's credential still holds and its current role may read the room. */
async function joinAuthorized(socket: Socket, room: string): Promise<boolean> {
  const principal = await reauthorizeSocket(socket);
  if (!principal) {
    socket.disconnect(true);
    return false;
  }
  if (!roleAllows(principal.role, ROOM_ROLE)) return false;
  await socket.join(room);
  return true;
}

/**
 * What a signed-in browser may ask for over its socket. A log follower joins the job's room first
 * and then gets the stored bytes from its offset, so nothing published in between is missed;
 * overlaps are possible and the client drops them by offset.
 */
export function registerSocketHandlers(socket: Socket): void {
  socket.on("subscribe", async (room: unknown) => {
    if (room === ROOMS.nodes || room === ROOMS.runs) void joinAuthorized(socket, room);
    // A cluster's room feeds its poller's audience: only a cluster that exists may be watched.
    const clusterId = typeof room === "string" ? parseClusterId(clusterIdOfRoom(room) ?? "") : null;
    if (clusterId !== null && (await db.cluster.findUnique({ where: { id: clusterId }, select: { id: true } }))) await joinAuthorized(socket, room as string);
  });

  // The page's one socket joins and leaves rooms as its components mount and unmount.
  socket.on("unsubscribe", (room: unknown) => {
    if (typeof room === "string" && (clusterIdOfRoom(room) !== null || room === ROOMS.nodes || room === ROOMS.runs)) void socket.leave(room);
  });

  socket.on("log:follow", async (msg: { jobId?: unknown; offset?: unknown }) => {
    const jobId = typeof msg?.jobId === "string" && /^[a-z0-9]+$/i.test(msg.jobId) ? msg.jobId : null;
    const offset = typeof msg?.offset === "number" && Number.isSafeInteger(msg.offset) && msg.offset >= 0 ? msg.offset : 0;
    if (!jobId || !(await db.job.findUnique({ where: { id: jobId }, select: { id: true } }))) {
      socket.emit("log:error", { jobId, message: "No such job" });
      return;
    }
    if (!(await joinAuthorized(socket, jobRoom(jobId)))) return;
    let from = offset;
    for (;;) {
      const chunks = readLog(jobId, from, REPLAY_SLICE);
      if (chunks.length === 0) break;
      for (const c of chunks) socket.emit("log:chunk", { jobId, offset: c.offset, at: c.at, data: c.data });
      const last = chunks[chunks.length - 1]!;
      from = last.offset + last.data.length;
      // Let the socket drain between slices of a large replay.
      await new Promise((r) => setImmediate(r));
    }
  });

  socket.on("log:unfollow", (msg: { jobId?: unknown }) => {
    if (typeof msg?.jobId === "string") void socket.leave(jobRoom(msg.jobId));
  });

  socket.on("plan:follow", (msg: { planRunId?: unknown }) => {
    if (typeof msg?.planRunId === "string" && /^[a-z0-9]+$/i.test(msg.planRunId)) void joinAuthorized(socket, planRoom(msg.planRunId));
  });
}
