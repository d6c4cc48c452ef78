// Turning an upstream reply into typed data at the edge: a status we did not expect or JSON that
// does not fit the schema is a bad_status / bad_reply in words, never an exception deeper in.

import type { z } from "zod";
import { upstreamLabel, UpstreamError, type UpstreamName } from "./upstreamError.ts";
import type { UpstreamResponse } from "./upstreamFetch.ts";

/** The first line of a text or HTML body, short enough for a message. */
export function bodyGist(body: string): string {
  // [^<>] rather than [^>]: a tag match then stops at the next "<", so a body of many "<" costs
  // one pass, not one pass per "<" (the upstream writes this body, not us).
  const text = body.replace(/<[^<>]*>/g, " ").replace(/\s+/g, " ").trim();
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

export function badStatus(upstream: UpstreamName, res: UpstreamResponse): UpstreamError {
  const gist = bodyGist(res.body);
  return new UpstreamError({
    upstream,
    url: res.url,
    kind: "bad_status",
    status: res.status,
    message: `${upstreamLabel(upstream, res.url)} answered ${res.status}${gist ? `: ${gist}` : ""}`,
  });
}

export function parseJsonReply<S extends z.ZodType>(upstream: UpstreamName, res: UpstreamResponse, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    throw new UpstreamError({ upstream, url: res.url, kind: "bad_reply", status: res.status, message: `${upstreamLabel(upstream, res.url)} sent a reply that is not JSON (${bodyGist(res.body) || "empty"})` });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "the top level";
  throw new UpstreamError({
    upstream,
    url: res.url,
    kind: "bad_reply",
    status: res.status,
    message: `${upstreamLabel(upstream, res.url)} sent a reply Armdeck does not understand: at ${where}, ${issue?.message ?? "invalid"}`,
  });
}
