// Marathon's refusals of a write as Armdeck's replies: 409 app-locked → marathon_conflict with the
// blocking deployment ids; 422 (and the 400 "Invalid JSON" with details) → marathon_invalid with
// Marathon's paths ("/groups(0)/apps(1)/id") as JSON Pointers into the body; anything else keeps
// Marathon's status and words. A Marathon that is down or leaderless is a 502/503/504, never a 500.

import { AppError } from "../errors.ts";
import { MarathonApiError } from "../marathon/marathonApiError.ts";
import { UpstreamError } from "../http/upstreamError.ts";
import { upstreamFailure } from "../panels/upstreamFailure.ts";
import type { DeployIssue } from "./deployContract.ts";
import { MarathonConflictError, MarathonInvalidError, MarathonRefusedError } from "./deployErrors.ts";
import { isObject, type Json } from "./groupTree.ts";

/** "/groups(0)/apps(1)/cpus" → "/groups/0/apps/1/cpus"; "/" → "". */
export function marathonPathToPointer(path: string): string {
  if (path === "/" || path === "") return "";
  return path.replace(/\((\d+)\)/g, "/$1");
}

function resolves(body: Json | undefined, pointer: string): boolean {
  let at: Json | undefined = body;
  for (const key of pointer.split("/").slice(1)) {
    if (Array.isArray(at)) at = at[Number(key)];
    else if (isObject(at)) at = at[key];
    else return false;
    if (at === undefined) return false;
  }
  return true;
}

/** App-level errors inside a group come relative to the app (audit §1.4): place them when only one app could be meant. */
export function issuesOf(error: MarathonApiError, body: Json | undefined, appPointers: readonly string[]): DeployIssue[] {
  return error.details.flatMap((d) => {
    const p = marathonPathToPointer(d.path);
    const placed = resolves(body, p) ? p : appPointers.length === 1 ? `${appPointers[0]}${p}` : "";
    const where = placed === p ? "" : ` (Marathon's path ${d.path})`;
    return d.errors.map((message) => ({ path: placed, message: `${message}${where}` }));
  });
}

export class UpstreamWriteError extends AppError {}

export function refusalOf(error: unknown, body?: Json, appPointers: readonly string[] = []): unknown {
  if (error instanceof MarathonApiError) {
    const upstream = { status: error.status ?? 0, message: error.body.message };
    if (error.status === 409 && error.deploymentIds.length) {
      return new MarathonConflictError(`Marathon refused: an app is locked by deployment ${error.deploymentIds.join(", ")}. Retry with force=true to cancel ${error.deploymentIds.length === 1 ? "it" : "them"}`, upstream, error.deploymentIds);
    }
    if (error.status === 422 || (error.status === 400 && error.details.length)) {
      return new MarathonInvalidError(`Marathon refused the request as invalid: ${error.body.message || "see issues"}`, upstream, issuesOf(error, body, appPointers));
    }
    const status = error.status === 404 || error.status === 409 || error.status === 403 || error.status === 400 ? error.status : 502;
    return new MarathonRefusedError(status, `Marathon refused (${error.status}): ${error.body.message}`, upstream);
  }
  if (error instanceof UpstreamError || (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError"))) {
    const f = upstreamFailure("marathon", error);
    return new UpstreamWriteError(f.message, f.status, f.code, { upstream: { status: f.status, message: f.message } });
  }
  return error;
}
