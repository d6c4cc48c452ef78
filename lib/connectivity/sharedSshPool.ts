import { ConnectionPool } from "../ssh/connectionPool.ts";

// The check's short commands (finding the Weave IPs) go over one process-wide pool of pinned SSH
// connections, not one connection per request. Kept on globalThis because Next.js bundles route
// handlers apart from server.ts: a module-level singleton would exist once per bundle.
const KEY = Symbol.for("armdeck.sharedSshPool");

export function sharedSshPool(): ConnectionPool {
  const holder = globalThis as { [KEY]?: ConnectionPool };
  return (holder[KEY] ??= new ConnectionPool());
}
