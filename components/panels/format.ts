// Client-side number formatting for the panels.
export function mb(n: number): string {
  return n >= 1024 ? `${(n / 1024).toFixed(n >= 10240 ? 0 : 1)} GB` : `${Math.round(n)} MB`;
}
export function cpus(n: number): string {
  return `${Math.round(n * 100) / 100}`;
}
export function pct(used: number, total: number): number {
  return total > 0 ? Math.min(100, Math.max(0, (used / total) * 100)) : 0;
}
