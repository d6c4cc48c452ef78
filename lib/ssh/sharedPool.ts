import { ConnectionPool } from "./connectionPool.ts";

// The process's one SSH pool: the job runner's steps and the Weave poller share the pinned
// connection of each node (channels multiplex on it), so reading Weave never opens a second set
// of connections. Kept on globalThis because server.ts and Next's route bundle are separate
// module graphs in one process (as lib/upstream/pollers.ts).

const slot = globalThis as unknown as { armdeckSshPool?: ConnectionPool };

export function sharedConnectionPool(): ConnectionPool {
  slot.armdeckSshPool ??= new ConnectionPool();
  return slot.armdeckSshPool;
}
