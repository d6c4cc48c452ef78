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

export function panelReply<T, V extends object>(snapshot: SourceSnapshot<T>, upstream: "mesos" | "marathon", view: (data: T) => V): NextResponse {
  if (snapshot.error !== undefined || snapshot.data === undefined) {
    const f = snapshot.error !== undefined
      ? upstreamFailure(upstream, snapshot.cause, snapshot.error)
      : { status: 503 as const, code: "upstream_pending", upstream, message: `${upstream === "mesos" ? "Mesos" : "Marathon"} has not answered yet` };
    const stale = snapshot.data === undefined ? null : { data: view(snapshot.data), ...freshness(snapshot) };
    return NextResponse.json({ error: { code: f.code, message: f.message, upstream: f.upstream }, stale }, { status: f.status });
  }
  return NextResponse.json({ ...view(snapshot.data), ...freshness(snapshot) });
}
