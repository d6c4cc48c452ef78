// Marathon ids that may go into a request path. Checked against Marathon's own id rule (notes §10)
// so a value from a form can never add path segments, queries or `..` to a request.

import { ValidationError } from "../errors.ts";

const SEGMENT = /^(([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])\.)*([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$/;
const DEPLOYMENT_ID = /^[A-Za-z0-9-]{1,64}$/;

/** "/arm-demo/group1" → "arm-demo/group1" (absolute, validated); "/" → "" (the root group). */
export function marathonIdPath(id: string, field = "id"): string {
  const trimmed = id.replace(/^\/+/, "").replace(/\/+$/, "");
  if (trimmed === "") return "";
  const segments = trimmed.split("/");
  if (!segments.every((s) => SEGMENT.test(s))) {
    const message = `"${id}" is not a Marathon id (lowercase letters, digits, "-" and "." between labels, segments joined by "/")`;
    throw new ValidationError({ [field]: message }, message);
  }
  return segments.join("/");
}

export function deploymentIdPath(id: string): string {
  const message = `"${id}" is not a deployment id`;
  if (!DEPLOYMENT_ID.test(id)) throw new ValidationError({ deploymentId: message }, message);
  return id;
}
