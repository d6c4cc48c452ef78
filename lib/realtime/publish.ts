// The one place that talks to browsers' sockets. Today one process holds the socket.io server; a
// multi-runner setup gives it the Redis adapter, and both calls below then reach every instance
// without touching the callers.
export interface Publisher {
  publish(room: string, event: string, payload: unknown): void;
  /** Closes every socket in the room (a credential ended: they must not keep streaming). */
  disconnect(room: string): void;
}

const registry = globalThis as unknown as { armdeckPublisher?: Publisher };

/** server.ts registers its socket.io server here at start (Next's bundle and workers share globalThis). */
export function registerPublisher(publisher: Publisher): void {
  registry.armdeckPublisher = publisher;
}

export function publish(room: string, event: string, payload: unknown): void {
  registry.armdeckPublisher?.publish(room, event, payload);
}

export function disconnectRoom(room: string): void {
  registry.armdeckPublisher?.disconnect(room);
}

export const ROOMS = { nodes: "nodes", runs: "runs" } as const;
