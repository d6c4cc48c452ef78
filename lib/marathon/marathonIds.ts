// Marathon ids that may go into a request path. Checked against Marathon's own id rule (notes §10)
// so a value from a form can never add path segments, queries or `..` to a request.

import { ValidationError } from "../errors.ts";

const SEGMENT = /^(([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])\.)*([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$/;
const DEPLOYMENT_ID = /^[A-Za-z0-9-]{1,64}$/;

/** "/arm-demo/group1" → "arm-demo/group1" (absolute, validated); "/" → "" (the root group). */
export function marathonIdPath(id: string, field = "id"): string {
  const trimmed = trimSlashes(id);
  if (trimmed === "") return "";
  const segments = trimmed.split("/");
  if (!segments.every((s) => SEGMENT.test(s))) {
    const message = `"${id}" is not a Marathon id (lowercase letters, digits, "-" and "." between labels, segments joined by "/")`;
    throw new ValidationError({ [field]: message }, message);
  }
  return segments.join("/");
}

/** Without leading and trailing "/": a loop, as /\/+$/ is quadratic on a long run of "/". */
function trimSlashes(id: string): string {
  let start = 0;
  let end = id.length;
  while (start < end && id[start] === "/") start++;
  while (end > start && id[end - 1] === "/") end--;
  return id.slice(start, end);
}

export function deploymentIdPath(id: string): string {
  const message = `"${id}" is not a deployment id`;
  if (!DEPLOYMENT_ID.test(id)) throw new ValidationError({ deploymentId: message }, message);
  return id;
}
