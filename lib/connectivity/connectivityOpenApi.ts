import { z } from "zod";
import { connectivityReplySchema, startReplySchema, startRequestSchema } from "./connectivityContract.ts";

// The connectivity check's two routes in the OpenAPI document, from the same schemas the page reads.

const json = (schema: z.ZodType, io: "input" | "output" = "output") => ({ content: { "application/json": { schema: z.toJSONSchema(schema, { io, unrepresentable: "any" }) } } });
const params = [
  { name: "id", in: "path", required: true, schema: { type: "string" }, description: "Cluster id" },
  { name: "groupId", in: "path", required: true, schema: { type: "string" }, description: "The Marathon group's absolute id as one URL-encoded segment, e.g. %2Farm-demo%2Fgroup1" },
];
const failure = (description: string) => ({ description });

export function connectivityPaths() {
  return {
    "/clusters/{id}/groups/{groupId}/connectivity": {
      parameters: params,
      post: {
        summary:
          "Start a connectivity check of the group (operator; audited): a job per node that, inside each of the group's containers there (docker exec), resolves every app hostname of the group and pings every container's Weave IP. Tasks come from the poller's caches, Weave IPs from `weave ps` on each node, all over the pinned SSH connections. Installs nothing into containers unless `installPing` allows `apt-get install -y iputils-ping` in those without ping",
        requestBody: { required: false, ...json(startRequestSchema, "input") },
        responses: {
          "201": { description: "The check's run (its jobs and live logs are at /runs/{runId})", ...json(startReplySchema) },
          "400": failure("The group id is not a Marathon id"),
          "401": failure("Not signed in"),
          "403": failure("Role below operator, or CSRF/Origin check failed"),
          "404": failure("No such cluster, or no such group in Marathon"),
          "409": failure("An adopted cluster (no nodes), no Marathon or Mesos registered, or no running container of the group on the cluster's nodes"),
          "502": failure("Marathon or Mesos could not be read (in words)"),
          "503": failure("Marathon has no leader, or the pollers are not running"),
          "504": failure("Marathon or Mesos did not answer in time"),
        },
      },
    },
    "/clusters/{id}/groups/{groupId}/connectivity/{runId}": {
      parameters: [...params, { name: "runId", in: "path", required: true, schema: { type: "string" } }],
      get: {
        summary:
          "The check's matrix as far as it has got: a cell per (container, name) with the DNS answers and per (container, Weave IP) with reachability and round-trip time; every red cell says why in words",
        responses: {
          "200": { description: "The matrix", ...json(connectivityReplySchema) },
          "400": failure("Bad group id or check id"),
          "401": failure("Not signed in"),
          "404": failure("No such cluster or check of this group"),
        },
      },
    },
  };
}
