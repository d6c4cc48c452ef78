import { z } from "zod";
import { historyQuerySchema } from "../history/historyQuery.ts";
import { tasksQuerySchema } from "../panels/tasksQuery.ts";

// The cluster panels' read-only API (lib/panels/), kept beside document.ts so the panel views and
// their documentation change together.

const amounts = { type: "object", properties: { cpus: { type: "number" }, memMb: { type: "number" }, diskMb: { type: "number" } } };
const freshness = {
  fetchedAt: { type: ["string", "null"], format: "date-time", description: "When the poller fetched the data" },
  ageMs: { type: ["number", "null"], description: "How old the data was when served" },
};
const upstreamError = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: { code: { type: "string", examples: ["upstream_refused", "upstream_no_leader", "upstream_timeout"] }, message: { type: "string" }, upstream: { enum: ["mesos", "marathon"] } },
      required: ["code", "message", "upstream"],
    },
    stale: { type: ["object", "null"], description: "The last good reply of this panel, with its age; null before any", properties: { data: { type: "object" }, ...freshness } },
  },
};
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
const failures = {
  "401": { description: "Not signed in" },
  "404": { description: "No such cluster, or the cluster has no such upstream registered" },
  "502": { description: "The upstream refused, was unreachable or sent a bad reply; the last good data with its age", ...json(upstreamError) },
  "503": { description: "The upstream has no leader (or has not answered yet)", ...json(upstreamError) },
  "504": { description: "The upstream did not answer in time", ...json(upstreamError) },
};
const panel = (summary: string, body: object, extra: object = {}) => ({
  parameters: idParam,
  get: { summary, ...extra, responses: { "200": { description: summary, ...json({ type: "object", properties: { ...body, ...freshness } }) }, ...failures } },
});

const agent = {
  type: "object",
  properties: {
    id: { type: "string" },
    hostname: { type: "string" },
    arch: { type: ["string", "null"], description: "The agent's arch attribute or the node's facts; null when unknown" },
    active: { type: "boolean" },
    version: { type: ["string", "null"] },
    registeredAt: { type: ["string", "null"], format: "date-time" },
    total: { ...amounts, properties: { ...amounts.properties, ports: { type: ["string", "null"], examples: ["[31000-32000]"] }, portCount: { type: "integer" } } },
    used: { ...amounts, properties: { ...amounts.properties, ports: { type: ["string", "null"] }, portCount: { type: "integer" } } },
    tasks: { type: "integer" },
  },
};
const app = {
  type: "object",
  properties: {
    id: { type: "string" },
    instances: { type: "integer" },
    cpus: { type: "number" },
    memMb: { type: "number" },
    diskMb: { type: "number" },
    running: { type: "integer" },
    staged: { type: "integer" },
    healthy: { type: "integer" },
    unhealthy: { type: "integer" },
    status: { enum: ["running", "deploying", "waiting", "delayed", "suspended"] },
    lastTaskFailure: { type: ["object", "null"] },
    tasks: { type: "array", items: { type: "object" } },
  },
};
const group = { type: "object", properties: { id: { type: "string" }, apps: { type: "array", items: app }, groups: { type: "array", items: { type: "object", description: "Nested groups, same shape" } } } };

function queryParams<S extends z.ZodObject>(schema: S) {
  return Object.keys(schema.shape).map((name) => ({ name, in: "query", required: false, schema: z.toJSONSchema(schema.shape[name] as z.ZodType, { io: "input", unrepresentable: "any" }) }));
}

const historyPoint = {
  type: "object",
  properties: { t: { type: "integer", description: "The bucket's start, ms since the epoch" }, cpusUsed: { type: "number" }, cpusTotal: { type: "number" }, memUsedMb: { type: "number" }, memTotalMb: { type: "number" } },
};

export function clusterPanelPaths() {
  const tasksParams = queryParams(tasksQuerySchema);
  return {
    "/clusters/{id}/overview": {
      parameters: idParam,
      get: {
        summary: "Service health (Mesos masters with the leader, agents registered vs expected, Marathon instances with the leader, ZooKeeper and Weave from status reports), versions, links to the Mesos and Marathon UIs, resources at a glance. Always 200 for a known cluster: a service that is down is a state in the body",
        responses: { "200": { description: "Overview", ...json({ type: "object" }) }, "401": failures["401"], "404": failures["404"] },
      },
    },
    "/clusters/{id}/resources": panel("Total and used CPUs, memory, disk and ports as Mesos reports them, and per agent", { total: amounts, used: amounts, agents: { type: "array", items: agent } }),
    "/clusters/{id}/frameworks": panel("Frameworks registered with the leading master", { frameworks: { type: "array", items: { type: "object" } } }),
    "/clusters/{id}/tasks": {
      ...panel(
        "Mesos tasks, a page at a time, filtered by state and agent (id or hostname), with the container IP Mesos reports (the Docker bridge IP for BRIDGE tasks, not the Weave IP)",
        { total: { type: "integer" }, offset: { type: "integer" }, limit: { type: "integer" }, states: { type: "object", additionalProperties: { type: "integer" } }, tasks: { type: "array", items: { type: "object" } } },
        { parameters: tasksParams },
      ),
    },
    "/clusters/{id}/history": {
      parameters: idParam,
      get: {
        summary: "The rolling resource history (24 h in 1-minute buckets, each the mean of the polls in it): CPUs and memory used vs total, of the cluster or of one agent (agent = its Mesos id). From Armdeck's database: never a request to Mesos",
        parameters: queryParams(historyQuerySchema),
        responses: {
          "200": { description: "Oldest bucket first; empty before the first poll", ...json({ type: "object", properties: { bucketMs: { type: "integer" }, series: { type: "array", items: historyPoint } } }) },
          "400": { description: "Bad query (hours outside 1–24, agent too long)" },
          "401": failures["401"],
          "404": { description: "No such cluster" },
        },
      },
    },
    "/clusters/{id}/groups": panel("Marathon's group tree: groups → apps (instances, running, staged, healthy, unhealthy, last task failure) → tasks", group.properties),
    "/clusters/{id}/deployments": panel("Deployments in progress: steps with their actions, the current step of total steps, affected apps", { deployments: { type: "array", items: { type: "object" } } }),
    "/clusters/{id}/queue": panel("What Marathon waits to launch and why, in words: the offer funnel of /v2/queue, the last offer per agent, and the agents' free resources", { queue: { type: "array", items: { type: "object", properties: { id: { type: "string" }, blockedBy: { type: ["string", "null"] }, explanation: { type: "array", items: { type: "string" } } } } } }),
  };
}
