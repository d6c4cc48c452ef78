import { ConnectionPool } from "../ssh/connectionPool.ts";

// The check's short commands (finding the Weave IPs) go over the process's one pool of pinned SSH
// connections. Kept on globalThis because server.ts and Next's route bundle are separate module
// graphs in one process; the slot is the one lib/ssh/sharedPool.ts (branch weave) uses, so both
// name the same pool. Once that module is merged this file should simply re-export it.
const slot = globalThis as unknown as { armdeckSshPool?: ConnectionPool };

export function sharedSshPool(): ConnectionPool {
  slot.armdeckSshPool ??= new ConnectionPool();
  return slot.armdeckSshPool;
}
