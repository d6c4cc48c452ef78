"use client";

import type { Socket } from "socket.io-client";

/**
 * The server closes a socket only when its credential ended (logout, disable, role change,
 * expiry), and socket.io does not reconnect after that: go to sign-in instead of showing
 * "reconnecting" for ever.
 */
export function signInAgainOnServerClose(socket: Socket): void {
  socket.on("disconnect", (reason) => {
    if (reason !== "io server disconnect") return;
    const here = window.location.pathname + window.location.search;
    window.location.assign(`/login?next=${encodeURIComponent(here)}`);
  });
}
