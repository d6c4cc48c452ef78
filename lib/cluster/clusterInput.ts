import { z } from "zod";

// Client-safe: what a caller may send to register or change a cluster. Endpoint URLs are fetched
// by the server (the probe on save, then the poller), so they are held to "scheme, host, port"
// and nothing else: no credentials, no path, query or fragment that could steer a request.

export const CLUSTER_KINDS = ["provisioned", "adopted"] as const;
export type ClusterKindName = (typeof CLUSTER_KINDS)[number];

const MAX_URL = 300;
const MAX_ENDPOINTS = 16;
// One pass, no nested quantifiers: scheme, an authority without "/", "?", "#", "@" or "\", an
// explicit port, at most one trailing "/".
const ENDPOINT_SHAPE = /^https?:\/\/[^/?#@\\]+:\d{1,5}\/?$/;
const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f]/;
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function endpointProblem(raw: string): string | null {
  if (CONTROL_OR_SPACE.test(raw)) return "No spaces or control characters in a URL";
  if (raw.includes("@")) return "No user name or password in the URL: Armdeck does not send credentials to the masters";
  if (!/^https?:\/\//i.test(raw)) return "An http:// or https:// URL";
  if (/[?#]/.test(raw)) return "No query string or fragment: just scheme, host and port";
  if (!ENDPOINT_SHAPE.test(raw)) return "Scheme, host and port only, like http://m1.example.com:5050 (no path)";
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return "Not a URL";
  }
  const host = u.hostname.replace(/^\[(.*)\]$/, "$1");
  const isIp = z.ipv4().safeParse(host).success || z.ipv6().safeParse(host).success;
  if (!isIp && (!HOST_NAME.test(host) || /^[0-9.]+$/.test(host))) return "The host must be a host name or an IP address";
  const port = Number(/:(\d{1,5})\/?$/.exec(raw)![1]);
  if (port < 1 || port > 65535) return "The port must be between 1 and 65535";
  return null;
}

/** A Mesos master's or Marathon instance's base URL, normalized to scheme://host:port. */
export const endpointUrlSchema = z
  .string({ error: "A URL like http://m1.example.com:5050" })
  .max(MAX_URL, `At most ${MAX_URL} characters`)
  .superRefine((raw, ctx) => {
    const problem = endpointProblem(raw);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((raw) => {
    const u = new URL(raw);
    // URL drops a default port ("http://h:80" → "http://h"); keep it, the poller builds on this text.
    const port = /:(\d{1,5})\/?$/.exec(raw)![1];
    return `${u.protocol}//${u.hostname}:${Number(port)}`;
  });

const endpointList = z.array(endpointUrlSchema).max(MAX_ENDPOINTS, `At most ${MAX_ENDPOINTS} URLs`);

export const clusterNameSchema = z
  .string({ error: "Required" })
  .trim()
  .min(1, "Required")
  .max(63, "At most 63 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Letters, digits, '.', '_' and '-', starting with a letter or digit");

export const createClusterSchema = z.object({
  name: clusterNameSchema,
  kind: z.enum(CLUSTER_KINDS, { error: "provisioned or adopted" }).optional(),
  mesosMasters: endpointList.optional(),
  marathon: endpointList.optional(),
});
export type CreateClusterInput = z.infer<typeof createClusterSchema>;

export const updateClusterSchema = z.object({
  name: clusterNameSchema.optional(),
  mesosMasters: endpointList.optional(),
  marathon: endpointList.optional(),
});
export type UpdateClusterInput = z.infer<typeof updateClusterSchema>;

/** `?cluster=<id>` on the routes that predate clusters (they default to the first cluster). */
export const clusterQuerySchema = z.object({ cluster: z.coerce.number({ error: "A cluster id" }).int("A cluster id").min(1, "A cluster id").max(2 ** 31).optional() });

/** A cluster id from a path segment; anything else is "no such cluster", not a 400. */
export function parseClusterId(raw: string): number | null {
  return /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : null;
}
