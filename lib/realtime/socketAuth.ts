import type { IncomingMessage } from "node:http";
import type { Socket } from "socket.io";
import { authenticate, type Principal } from "../auth/principal.ts";
import { checkOrigin, ownOrigin } from "../http/originCheck.ts";
import { logger } from "../logger.ts";
import { sessionRoom, tokenRoom, userRoom } from "./credentialRooms.ts";

export type RequestProto = (req: IncomingMessage) => "http" | "https";

// setTimeout overflows past this (about 24.8 days) and would fire at once; longer sessions re-arm.
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Who stands behind a socket: the session cookie or an `Authorization: Bearer` header of the
 * handshake request. Only headers count: they are there before engine.io opens a session, so an
 * anonymous client never gets one.
 */
async function principalOf(req: IncomingMessage, proto: RequestProto): Promise<Principal | string> {
  const principal = await authenticate({ cookie: req.headers.cookie, authorization: req.headers.authorization });
  if (!principal) return "unauthenticated";
  // Cross-site WebSocket hijacking: a cookie alone does not prove the page is ours. A missing
  // Origin is not a browser on another site (browsers always send it on WebSockets and CORS).
  if (principal.via === "session" && checkOrigin(req.headers.origin, ownOrigin(proto(req), req.headers.host)) === "foreign") {
    return "cross-origin socket refused";
  }
  return principal;
}

/** engine.io's allowRequest: refuses before the handshake, so no sid is issued to a stranger. */
export function allowSocketRequest(proto: RequestProto) {
  return (req: IncomingMessage, callback: (message: string | null | undefined, success: boolean) => void) => {
    principalOf(req, proto).then(
      (result) => (typeof result === "string" ? callback(result, false) : callback(null, true)),
      (error) => {
        logger.error({ err: error }, "socket handshake check failed");
        callback("socket authentication failed", false);
      },
    );
  };
}

/** socket.io middleware: the same check again (the principal may have changed since), kept on the socket. */
export function socketAuthMiddleware(proto: RequestProto) {
  return (socket: Socket, next: (error?: Error) => void) => {
    principalOf(socket.request, proto).then(
      (result) => {
        if (typeof result === "string") return next(new Error(result));
        socket.data.principal = result;
        next();
      },
      (error) => {
        logger.error({ err: error }, "socket authentication failed");
        next(new Error("socket authentication failed"));
      },
    );
  };
}

/**
 * The socket's credential, checked again now: null when it ended (logout, disable, revoke,
 * expiry) or now names another user. Sockets run this before each join, so an instance that
 * missed a disconnect broadcast still stops serving a dead credential. (The origin was checked at
 * the handshake and cannot change for the socket's life.)
 */
export async function reauthorizeSocket(socket: Socket): Promise<Principal | null> {
  const before = socket.data.principal as Principal | undefined;
  const headers = socket.request.headers;
  const now = await authenticate({ cookie: headers.cookie, authorization: headers.authorization }).catch(() => null);
  if (!before || !now || now.userId !== before.userId) return null;
  socket.data.principal = now;
  return now;
}

/**
 * Joins the rooms that the auth services disconnect when a credential ends, and closes the socket
 * when its session expires (a timer, plus a check when it fires).
 */
export function bindSocketToCredential(socket: Socket): void {
  const principal = socket.data.principal as Principal;
  void socket.join([userRoom(principal.userId), principal.via === "session" ? sessionRoom(principal.sessionId) : tokenRoom(principal.tokenId)]);
  if (principal.via !== "session") return;

  let timer: NodeJS.Timeout | undefined;
  const arm = (expiresAt: Date) => {
    timer = setTimeout(async () => {
      const current = await reauthorizeSocket(socket);
      if (current?.via === "session") arm(current.expiresAt);
      else socket.disconnect(true);
    }, Math.min(Math.max(expiresAt.getTime() - Date.now(), 0), MAX_TIMER_MS));
  };
  arm(principal.expiresAt);
  socket.once("disconnect", () => clearTimeout(timer));
}
