import { ValidationError } from "../errors.ts";
import { marathonIdPath } from "../marathon/marathonIds.ts";
import { startRequestSchema, type StartConnectivityRequest } from "./connectivityContract.ts";

// The route's `{groupId}` is one URL segment: the group's absolute id with its slashes encoded
// (`%2Farm-demo%2Fgroup1`, or without the leading one). Decoded once, then held to Marathon's id rule.

export function groupIdParam(raw: string): string {
  let decoded = raw;
  if (raw.includes("%")) {
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      throw new ValidationError({ groupId: "The group id is not valid percent-encoding" }, "The group id is not valid percent-encoding");
    }
  }
  const path = marathonIdPath(decoded, "groupId");
  if (path === "") throw new ValidationError({ groupId: "Name a group, not the root group" }, "Name a group, not the root group");
  return `/${path}`;
}

const RUN_ID = /^[a-z0-9]{8,64}$/;

export function runIdParam(raw: string): string {
  if (!RUN_ID.test(raw)) throw new ValidationError({ runId: "Not a check id" }, "Not a check id");
  return raw;
}

/** The POST body is optional: none (or `{}`) checks without installing anything. */
export function startRequest(raw: string): StartConnectivityRequest {
  if (raw.trim() === "") return startRequestSchema.parse({});
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ValidationError({ _: "The request body must be JSON" }, "The request body must be JSON");
  }
  return startRequestSchema.parse(parsed);
}
