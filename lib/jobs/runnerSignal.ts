// Lets a route handler tell the in-process runner "there is new work" without importing workers/.
// With several runners this becomes a database notification; the callers stay the same.
const registry = globalThis as unknown as { armdeckWakeRunner?: () => void };

export function onRunnerWake(fn: () => void): void {
  registry.armdeckWakeRunner = fn;
}

export function wakeRunner(): void {
  registry.armdeckWakeRunner?.();
}
