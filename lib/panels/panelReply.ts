import { NextResponse } from "next/server";
import type { SourceSnapshot } from "../upstream/pollSource.ts";
import { upstreamFailure } from "./upstreamFailure.ts";

// One shape for every panel reply: the view with its age when the cache is good; when the
// upstream's newest answer was a failure, the failure (502/503/504) with the last good view and
// its age, so a page keeps showing what it knew and says since when.

export type Freshness = { fetchedAt: string | null; ageMs: number | null };

function freshness(s: SourceSnapshot<unknown>): Freshness {
  return { fetchedAt: s.fetchedAt === null ? null : new Date(s.fetchedAt).toISOString(), ageMs: s.ageMs };
}

// A memoized view (viewMemo.ts) is the same object for every viewer of one poll: its JSON is
// written once too, and each reply only appends its own age. (A 1,000-agent resources view is
// hundreds of KB of JSON; 20 viewers used to stringify it 20 times per poll.)
const serialized = new WeakMap<object, string>();

function jsonWithFreshness(view: object, f: Freshness): string {
  let body = serialized.get(view);
  if (body === undefined) serialized.set(view, (body = JSON.stringify(view)));
  const tail = JSON.stringify(f).slice(1); // `"fetchedAt":…,"ageMs":…}`; later keys win, as with a spread
  return body === "{}" ? `{${tail}` : `${body.slice(0, -1)},${tail}`;
}

export function panelReply<T, V extends object>(snapshot: SourceSnapshot<T>, upstream: "mesos" | "marathon", view: (data: T) => V): NextResponse {
  if (snapshot.error !== undefined || snapshot.data === undefined) {
    const f = snapshot.error !== undefined
      ? upstreamFailure(upstream, snapshot.cause, snapshot.error)
      : { status: 503 as const, code: "upstream_pending", upstream, message: `${upstream === "mesos" ? "Mesos" : "Marathon"} has not answered yet` };
    const stale = snapshot.data === undefined ? null : { data: view(snapshot.data), ...freshness(snapshot) };
    return NextResponse.json({ error: { code: f.code, message: f.message, upstream: f.upstream }, stale }, { status: f.status });
  }
  const v = view(snapshot.data);
  if (Array.isArray(v)) return NextResponse.json({ ...v, ...freshness(snapshot) });
  return new NextResponse(jsonWithFreshness(v, freshness(snapshot)), { headers: { "Content-Type": "application/json" } });
}
