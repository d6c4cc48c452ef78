// The one place that publishes to browsers. Today one process holds the socket.io server; a
// multi-runner setup swaps this module for an adapter without touching the callers.
export interface Publisher {
  publish(room: string, event: string, payload: unknown): void;
}

const registry = globalThis as unknown as { armdeckPublisher?: Publisher };

/** server.ts registers its socket.io server here at start (Next's bundle and workers share globalThis). */
export function registerPublisher(publisher: Publisher): void {
  registry.armdeckPublisher = publisher;
}

export function publish(room: string, event: string, payload: unknown): void {
  registry.armdeckPublisher?.publish(room, event, payload);
}

export const ROOMS = { nodes: "nodes", runs: "runs" } as const;
