// Marathon said no to a request (409 conflict, 422 invalid, 404, 400...): the body is kept intact
// (`deployments: [{id}]` for an app lock, `details: [{path, errors}]` for validation) so the
// deploy API can map it to Armdeck's own 409/422 without reparsing.

import { upstreamLabel, UpstreamError } from "../http/upstreamError.ts";
import type { UpstreamResponse } from "../http/upstreamFetch.ts";
import { marathonErrorBodySchema, type MarathonErrorBody } from "./marathonSchemas.ts";

export class MarathonApiError extends UpstreamError {
  readonly body: MarathonErrorBody;
  /** The raw JSON Marathon sent, unknown keys included. */
  readonly raw: unknown;

  constructor(res: UpstreamResponse, body: MarathonErrorBody, raw: unknown) {
    super({
      upstream: "marathon",
      url: res.url,
      kind: "bad_status",
      status: res.status,
      message: `${upstreamLabel("marathon", res.url)} rejected the request (${res.status})${body.message ? `: ${body.message}` : ""}`,
    });
    this.name = "MarathonApiError";
    this.body = body;
    this.raw = raw;
  }

  get deploymentIds(): string[] {
    return (this.body.deployments ?? []).map((d) => d.id);
  }

  get details(): { path: string; errors: string[] }[] {
    return Array.isArray(this.body.details) ? this.body.details : [];
  }
}

/** A JSON error body becomes a MarathonApiError; anything else (an HTML Jetty page) null. */
export function marathonApiError(res: UpstreamResponse): MarathonApiError | null {
  let raw: unknown;
  try {
    raw = JSON.parse(res.body);
  } catch {
    return null;
  }
  const parsed = marathonErrorBodySchema.safeParse(raw);
  return parsed.success ? new MarathonApiError(res, parsed.data, raw) : null;
}

