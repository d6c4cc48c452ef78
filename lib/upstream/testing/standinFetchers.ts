// Fetchers for poller tests: plain HTTP GETs of one stand-in path, standing in for the typed
// clients (lib/mesos, lib/marathon) that plug into the same slot in production.

import type { PollSource, Upstream } from "../pollSource.ts";

export function getJson<T = unknown>(baseUrl: string, path: string): PollSource<T>["fetch"] {
  return async (signal, ctx) => {
    const res = await fetch(`${baseUrl}${path}`, { signal, redirect: "manual" });
    const text = await res.text();
    ctx.reportBytes(Buffer.byteLength(text));
    if (!res.ok) throw new Error(`${baseUrl}${path} answered ${res.status}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  };
}

export function source<T = unknown>(upstream: Upstream, baseUrl: string, path: string, extra: Partial<PollSource<T>> = {}): PollSource<T> {
  return { upstream, intervalMs: 5_000, fetch: getJson<T>(baseUrl, path), ...extra };
}
