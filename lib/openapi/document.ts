import { z, type ZodType } from "zod";
import { auditQuerySchema } from "../audit/auditQuery.ts";
import { passwordSchema, usernameSchema } from "../auth/passwordPolicy.ts";
import { ROLES } from "../auth/roles.ts";
import { clusterSettingsSchema } from "../cluster/clusterSettingsSchema.ts";
import { CLUSTER_KINDS, createClusterSchema, updateClusterSchema } from "../cluster/clusterInput.ts";
import { clusterPanelPaths } from "./clusterPanelPaths.ts";
import { withDeployPaths } from "./deployPaths.ts";
import { weavePaths } from "./weavePaths.ts";
import { connectivityPaths } from "../connectivity/connectivityOpenApi.ts";
import { nodeFactsSchema } from "../nodes/nodeFacts.ts";
import { PLAN_RUN_STATUSES } from "../jobs/planRunFilters.ts";
import { planRequestSchema, planRunRequestSchema } from "../plans/planRequest.ts";
import { RUN_KINDS } from "../recipes/planKinds.ts";
import { CHECK_STATUSES, PREFLIGHT_CHECKS } from "../preflight/checkNames.ts";
import { probeRunRequestSchema } from "../preflight/probeRequest.ts";
import { SERVICE_STATES } from "../recipes/serviceStatusLine.ts";
import { createNodeSchema, factsRequestSchema, probeSchema, repinSchema, updateNodeSchema } from "../nodes/nodeInput.ts";

// The request schemas here are the ones the routes parse with, so the document cannot drift from
// what the server accepts. Responses are described by hand where they are plain views.

const schema = (s: ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });
const json = (s: ZodType | object) => ({ content: { "application/json": { schema: s instanceof z.ZodType ? schema(s) : s } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const errorBody = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        fields: { type: "object", additionalProperties: { type: "string" }, description: "Field path → why it was refused" },
      },
      required: ["code", "message"],
    },
  },
};
const probeRunView = {
  type: "object",
  properties: {
    id: { type: "string" },
    kind: { enum: ["preflight", "verify"] },
    status: { type: "string", description: "running until every node answered, then succeeded (or failed: a node could not be asked)" },
    verdict: { enum: ["ok", "warn", "fail", null], description: "The worst finding once it ended" },
    checks: {
      type: "array",
      items: {
        type: "object",
        properties: { nodeId: { type: "string" }, node: { type: "string" }, check: { enum: [...PREFLIGHT_CHECKS], description: "For verify: a recipe step id" }, status: { enum: [...CHECK_STATUSES] }, detail: { type: "string" } },
      },
    },
  },
};
const errors = {
  "400": { description: "Invalid input, with field-level reasons", ...json(errorBody) },
  "401": { description: "Not signed in", ...json(errorBody) },
  "403": { description: "Role too low, or CSRF/Origin check failed", ...json(errorBody) },
};
const sshErrors = {
  "409": { description: "Host key changed: pinned and offered fingerprints in the body", ...json(errorBody) },
  "422": { description: "Credentials refused by the host", ...json(errorBody) },
  "502": { description: "Connection refused, unreachable or unresolvable host", ...json(errorBody) },
  "504": { description: "Timed out", ...json(errorBody) },
};
const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
const ok = (description: string, body: object = { type: "object" }) => ({ description, ...json(body) });

const clusterView = {
  type: "object",
  properties: {
    id: { type: "integer" },
    name: { type: "string" },
    kind: { enum: [...CLUSTER_KINDS] },
    mesosMasters: { type: "array", items: { type: "string" }, description: "Base URLs; on a provisioned cluster derived from its master nodes and settings unless set" },
    marathon: { type: "array", items: { type: "string" } },
    endpointsDerived: { type: "object", properties: { mesosMasters: { type: "boolean" }, marathon: { type: "boolean" } } },
    nodeCount: { type: "integer" },
  },
};
const probedCluster = {
  ...clusterView,
  properties: {
    ...clusterView.properties,
    probe: {
      type: "array",
      description: "Each endpoint asked once on save (Mesos /version, Marathon /v2/info), in words; a failed probe does not refuse the save",
      items: { type: "object", properties: { url: { type: "string" }, service: { enum: ["mesos", "marathon"] }, ok: { type: "boolean" }, detail: { type: "string" } } },
    },
  },
};
const clusterQuery = { name: "cluster", in: "query", schema: { type: "integer" }, description: "The cluster to act on; the first cluster when omitted" };

const impact = {
  type: "object",
  description: "What a plan would change",
  properties: {
    changesNodes: { type: "boolean" },
    steps: { type: "integer" },
    nodes: { type: "array", items: { type: "object", properties: { id: { type: "string" }, name: { type: "string" }, address: { type: "string" } } } },
    components: { type: "array", items: { type: "object", properties: { id: { type: "string" }, label: { type: "string" } } } },
  },
};
const confirmationBody = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: {
        code: { enum: ["confirmation_required", "preflight_failed"] },
        message: { type: "string" },
        wouldChange: impact,
        preflight: { type: "object", properties: { runId: { type: "string" }, failing: { type: "array", items: { type: "object" } } } },
      },
      required: ["code", "message"],
    },
  },
};
const serviceStates = { enum: [...SERVICE_STATES] };
const planRunsPage = {
  type: "object",
  properties: {
    runs: {
      type: "array",
      items: {
        type: "object",
        properties: {
          id: { type: "string" },
          plan: { type: "string" },
          title: { type: "string" },
          status: { enum: [...PLAN_RUN_STATUSES] },
          scope: { type: "object" },
          nodes: { type: "array", items: { type: "string" }, description: "Names of the nodes its jobs ran on" },
          components: { type: "array", items: { type: "string" } },
          counts: { type: "object", additionalProperties: { type: "integer" }, description: "Jobs per status" },
          serviceStates: { type: ["object", "null"], properties: { up: { type: "integer" }, down: { type: "integer" }, not_installed: { type: "integer" } }, description: "A status run's summary" },
          createdBy: { type: "string" },
          createdAt: { type: "string", format: "date-time" },
          startedAt: { type: ["string", "null"], format: "date-time" },
          finishedAt: { type: ["string", "null"], format: "date-time" },
          durationMs: { type: ["integer", "null"] },
        },
      },
    },
    nextCursor: { type: ["string", "null"] },
  },
};
const planRunDetail = {
  type: "object",
  properties: {
    run: { type: "object" },
    jobs: { type: "array", items: { type: "object", properties: { kind: { enum: ["step", "report"] }, serviceState: { anyOf: [serviceStates, { type: "null" }] }, report: { type: ["object", "null"], properties: { target: { type: "string" }, answer: { type: "string" } } } } } },
    report: {
      type: ["object", "null"],
      properties: {
        summary: { type: "object", properties: { up: { type: "integer" }, down: { type: "integer" }, not_installed: { type: "integer" } } },
        nodes: {
          type: "array",
          items: {
            type: "object",
            properties: {
              nodeId: { type: "string" },
              nodeName: { type: "string" },
              services: { type: "array", items: { type: "object", properties: { jobId: { type: "string" }, component: { type: "string" }, title: { type: "string" }, state: { anyOf: [serviceStates, { type: "null" }] }, target: { type: ["string", "null"] }, answer: { type: ["string", "null"] }, failure: { type: ["string", "null"] } } } },
            },
          },
        },
      },
    },
  },
};

const nodeView = {
  type: "object",
  description: "A node as the API shows it: never its credentials",
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    address: { type: "string" },
    port: { type: "integer" },
    username: { type: "string" },
    authKind: { enum: ["key", "password"] },
    role: { enum: ["master", "agent", "both"] },
    hostKey: { type: "object", properties: { type: { type: "string" }, bits: { type: ["integer", "null"] }, fingerprint: { type: "string" } } },
    offeredHostKey: {
      type: ["object", "null"],
      description: "The key a connection met instead of the pinned one (until an admin re-pins)",
      properties: { type: { type: ["string", "null"] }, bits: { type: ["integer", "null"] }, fingerprint: { type: "string" } },
    },
    facts: { anyOf: [ref("NodeFacts"), { type: "null" }] },
    factsGatheredAt: { type: ["string", "null"], format: "date-time", description: "When the facts were read (lastCheckedAt is the last attempt, which may have failed)" },
    reachable: { type: ["boolean", "null"] },
    lastCheckedAt: { type: ["string", "null"], format: "date-time" },
    lastError: { type: ["string", "null"] },
    lastErrorKind: { type: ["string", "null"] },
  },
};

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Armdeck API",
      version: "1",
      description:
        "Every endpoint needs a session cookie (from /auth/login) or `Authorization: Bearer <token>`. " +
        "Cookie-authenticated writes also need `X-CSRF-Token` (from login) and a same-origin `Origin`.",
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "armdeck_session" },
        bearer: { type: "http", scheme: "bearer" },
      },
      schemas: { NodeFacts: schema(nodeFactsSchema), Node: nodeView },
    },
    security: [{ session: [] }, { bearer: [] }],
    paths: {
      "/auth/login": {
        post: {
          summary: "Sign in; sets the session cookie and returns the CSRF token",
          security: [],
          requestBody: json(z.object({ username: z.string(), password: z.string() })),
          responses: { "200": ok("Signed in", { type: "object", properties: { csrfToken: { type: "string" } } }), "401": errors["401"], "429": { description: "Too many failed attempts" } },
        },
      },
      "/auth/setup": {
        post: {
          summary: "Create the first admin with the one-time link printed at first start",
          security: [],
          requestBody: json(z.object({ token: z.string(), username: usernameSchema, password: passwordSchema })),
          responses: { "201": ok("Admin created and signed in"), ...errors, "409": { description: "Already set up" } },
        },
      },
      "/auth/logout": { post: { summary: "End this session", responses: { "200": ok("Signed out"), ...errors } } },
      "/auth/password": {
        post: {
          summary: "Change your own password (current one required); your other sessions end",
          requestBody: json(z.object({ currentPassword: z.string(), newPassword: passwordSchema })),
          responses: { "200": ok("Changed"), ...errors },
        },
      },
      "/auth/session": { get: { summary: "Who am I, and the CSRF token for this session", responses: { "200": ok("The caller"), ...errors } } },
      "/nodes": {
        get: { summary: "List nodes", responses: { "200": ok("Nodes", { type: "object", properties: { nodes: { type: "array", items: ref("Node") } } }), ...errors } },
        post: {
          summary: "Add a node: logs in with the confirmed host key pinned, reads its facts, saves it (operator)",
          requestBody: json(createNodeSchema),
          responses: {
            "201": ok("The node", ref("Node")),
            ...errors,
            ...sshErrors,
            "409": {
              description:
                "The name is taken (`fields.name`); or the machine is already a node, same host key or same address and port " +
                "(`code: node_duplicate`, `existing` names them; send `allowDuplicate: true` to add it anyway); or its host key is not the confirmed one",
              ...json(errorBody),
            },
          },
        },
      },
      "/nodes/probe": {
        post: {
          summary: "Read the host key a node offers, without sending credentials (operator)",
          requestBody: json(probeSchema),
          responses: {
            "200": ok("`hostKey`: type, bits, SHA256 fingerprint as ssh-keygen -lf prints it; `sameMachine`: nodes already enrolled with that key or at that address and port", {
              type: "object",
              properties: {
                hostKey: { type: "object" },
                sameMachine: {
                  type: "array",
                  items: { type: "object", properties: { id: { type: "string" }, name: { type: "string" }, address: { type: "string" }, port: { type: "integer" }, sameHostKey: { type: "boolean" }, sameAddress: { type: "boolean" } } },
                },
              },
            }),
            ...errors,
            ...sshErrors,
            "409": { description: "The `name` given is taken (`fields.name`); nothing was probed", ...json(errorBody) },
          },
        },
      },
      "/nodes/facts": {
        post: {
          summary: "Log in with the confirmed key pinned and return the node's facts, without saving (operator)",
          requestBody: json(factsRequestSchema),
          responses: { "200": ok("Facts", { type: "object", properties: { facts: ref("NodeFacts") } }), ...errors, ...sshErrors },
        },
      },
      "/nodes/{id}": {
        parameters: idParam,
        get: { summary: "One node", responses: { "200": ok("The node", ref("Node")), ...errors, "404": { description: "No such node" } } },
        patch: {
          summary: "Change a node; connection changes are saved only after a successful login with them (operator)",
          requestBody: json(updateNodeSchema),
          responses: { "200": ok("The node", ref("Node")), ...errors, ...sshErrors },
        },
        delete: { summary: "Delete a node (operator)", responses: { "200": ok("Deleted"), ...errors } },
      },
      "/nodes/{id}/check": {
        parameters: idParam,
        post: { summary: "Re-check reachability and facts now (operator)", responses: { "200": ok("Outcome: {node, ok, error}"), ...errors } },
      },
      "/nodes/{id}/host-key": {
        parameters: idParam,
        post: {
          summary: "Re-pin a changed host key after confirming the offered fingerprint (admin)",
          requestBody: json(repinSchema),
          responses: { "200": ok("Outcome of the re-check with the new key"), ...errors, "409": { description: "The host offers another key than the one confirmed" } },
        },
      },
      "/tokens": {
        get: { summary: "Your API tokens (never their values)", responses: { "200": ok("Tokens"), ...errors } },
        post: { summary: "Create an API token; its value is in this response only", requestBody: json(z.object({ name: z.string() })), responses: { "201": ok("Token"), ...errors } },
      },
      "/tokens/{id}": { parameters: idParam, delete: { summary: "Revoke one of your tokens", responses: { "200": ok("Revoked"), ...errors } } },
      "/audit": {
        get: {
          summary: "Audit log, newest first (admin)",
          parameters: Object.keys(auditQuerySchema.shape).map((name) => ({ name, in: "query", required: false, schema: { type: "string" } })),
          responses: { "200": ok("Events and the cursor for the next page"), ...errors },
        },
      },
      "/users": {
        get: { summary: "Users (admin)", responses: { "200": ok("Users"), ...errors } },
        post: { summary: "Create a user (admin)", requestBody: json(z.object({ username: usernameSchema, password: passwordSchema, role: z.enum(ROLES) })), responses: { "201": ok("User"), ...errors } },
      },
      "/users/{id}": {
        parameters: idParam,
        patch: { summary: "Change role, disable, or set password (admin)", responses: { "200": ok("User"), ...errors } },
        delete: { summary: "Delete a user (admin)", responses: { "200": ok("Deleted"), ...errors } },
      },
      "/clusters": {
        get: { summary: "Every cluster, provisioned and adopted, with its effective Mesos and Marathon URLs", responses: { "200": ok("{clusters}", { type: "object", properties: { clusters: { type: "array", items: clusterView } } }), ...errors } },
        post: {
          summary: "Register a cluster (operator). Adopted when endpoints are given (or kind says so), provisioned otherwise; every endpoint is probed and the reply says what answered",
          requestBody: json(createClusterSchema),
          responses: { "201": ok("The cluster and its probe", probedCluster), ...errors },
        },
      },
      "/clusters/{id}": {
        parameters: idParam,
        get: { summary: "A cluster", responses: { "200": ok("Cluster", clusterView), ...errors, "404": { description: "No such cluster", ...json(errorBody) } } },
        patch: { summary: "Rename it or change its endpoints (operator); probed again, its poller restarted", requestBody: json(updateClusterSchema), responses: { "200": ok("The cluster and its probe", probedCluster), ...errors } },
        delete: {
          summary: "Delete a cluster (admin). Refused while it has nodes or a run in progress; its finished plan runs go with it and the reply counts them",
          responses: { "200": ok("{deleted: {id, name, kind, planRuns}}"), ...errors, "409": { description: "Still has nodes, or a run in progress", ...json(errorBody) } },
        },
      },
      "/clusters/{id}/settings": {
        parameters: idParam,
        get: { summary: "A provisioned cluster's settings (versions, paths, ports), their defaults and warnings", responses: { "200": ok("Settings"), ...errors, "409": { description: "An adopted cluster has no settings" } } },
        put: { summary: "Replace them (operator); every value is validated for use in shell scripts", requestBody: json(clusterSettingsSchema), responses: { "200": ok("Settings"), ...errors } },
      },
      "/clusters/{id}/nodes": {
        parameters: idParam,
        get: { summary: "The cluster's nodes", responses: { "200": ok("Nodes", { type: "object", properties: { nodes: { type: "array", items: ref("Node") } } }), ...errors } },
        post: { summary: "Add a node to this (provisioned) cluster, as POST /nodes (operator)", requestBody: json(createNodeSchema), responses: { "201": ok("Node", ref("Node")), ...errors, ...sshErrors } },
      },
      "/clusters/{id}/plans/preview": {
        parameters: idParam,
        post: { summary: "Dry run on this cluster's nodes and settings", requestBody: json(planRequestSchema), responses: { "200": ok("{clusterId, plan, title, warnings, topology (masters with ZooKeeper ids, quorum, agents, zk:// URLs), impact, jobs}"), ...errors } },
      },
      "/clusters/{id}/plans/runbook": {
        parameters: idParam,
        get: {
          summary: "This cluster's dry run as a shell runbook",
          parameters: ["plan", "nodeIds", "components"].map((name) => ({ name, in: "query", required: name === "plan", schema: { type: "string" } })),
          responses: { "200": { description: "Shell script", content: { "text/x-shellscript": { schema: { type: "string" } } } }, ...errors },
        },
      },
      "/clusters/{id}/plan-runs": {
        parameters: idParam,
        get: { summary: "This cluster's runs history (the same filters as /plan-runs)", responses: { "200": ok("{runs, nextCursor}", planRunsPage), ...errors } },
        post: { summary: "Start a plan on this cluster (operator); confirm and the preflight gate as in POST /plan-runs", requestBody: json(planRunRequestSchema), responses: { "201": ok("{id, jobs, clusterId}"), ...errors } },
      },
      "/clusters/{id}/preflight": {
        parameters: idParam,
        get: { summary: "The cluster's newest preflight run (running or ended), or null", responses: { "200": ok("{last}", { type: "object", properties: { last: probeRunView } }), ...errors } },
        post: {
          summary: "Start preflight (operator): read-only checks of every node (or nodeIds and the masters they reach), one SSH channel each, as a run with a live log; check names in docs/preflight.md",
          requestBody: json(probeRunRequestSchema),
          responses: { "201": ok("{id, clusterId}"), ...errors, "409": { description: "No nodes yet" } },
        },
      },
      "/clusters/{id}/preflight/{runId}": {
        parameters: [...idParam, { name: "runId", in: "path", required: true, schema: { type: "string" } }],
        get: { summary: "A preflight run's state and findings", responses: { "200": ok("{id, status, verdict, checks}", probeRunView), ...errors, "404": { description: "No such preflight run on this cluster" } } },
      },
      "/clusters/{id}/upgrade": {
        parameters: idParam,
        get: {
          summary: "The upgrade to offer (docs/upgrades.md): per component and old version, the nodes whose installed version differs from the settings; empty when none. Run it as plan `upgrade`",
          responses: { "200": ok("{changes: [{component, from, to, nodes, text}]}"), ...errors },
        },
      },
      "/clusters/{id}/verify": {
        parameters: idParam,
        get: { summary: "The cluster's newest verify run (running or ended), or null", responses: { "200": ok("{last}", { type: "object", properties: { last: probeRunView } }), ...errors } },
        post: {
          summary: "Start Verify (operator): every recipe step's check on every node, nothing else; what fails is drift",
          requestBody: json(probeRunRequestSchema),
          responses: { "201": ok("{id, clusterId}"), ...errors, "409": { description: "No nodes, or no master" } },
        },
      },
      "/clusters/{id}/verify/{runId}": {
        parameters: [...idParam, { name: "runId", in: "path", required: true, schema: { type: "string" } }],
        get: { summary: "A verify run's state and findings (check = step id; detail says what no longer holds)", responses: { "200": ok("{id, status, verdict, checks}", probeRunView), ...errors, "404": { description: "No such verify run on this cluster" } } },
      },
      "/cluster/settings": {
        get: { summary: "Settings of ?cluster=<id>, else of the first cluster (kept from before clusters; see /clusters/{id}/settings)", parameters: [clusterQuery], responses: { "200": ok("Settings"), ...errors } },
        put: { summary: "Replace them (operator); every value is validated for use in shell scripts", parameters: [clusterQuery], requestBody: json(clusterSettingsSchema), responses: { "200": ok("Settings"), ...errors } },
      },
      "/plans/preview": {
        post: { summary: "Dry run: the jobs a plan would create, per node, with the exact scripts, and its impact (what a confirmation names); never needs confirm", requestBody: json(planRequestSchema), responses: { "200": ok("{plan, title, warnings, topology, impact, jobs}", { type: "object", properties: { impact } }), ...errors, "409": { description: "The cluster cannot run this plan yet (no master, 2, 4 or more than 5 masters, node without facts, …)" } } },
      },
      "/plans/runbook": {
        get: {
          summary: "Dry run as a downloadable shell runbook (text/x-shellscript)",
          parameters: [...["plan", "nodeIds", "components"].map((name) => ({ name, in: "query", required: name === "plan", schema: { type: "string" }, description: name === "plan" ? undefined : "comma-separated" })), clusterQuery],
          responses: { "200": { description: "Shell script", content: { "text/x-shellscript": { schema: { type: "string" } } } }, ...errors },
        },
      },
      "/plan-runs": {
        get: {
          summary: "The runs history, newest first, filtered and paged on the server; live changes arrive as plan:update in the socket.io room runs",
          parameters: [
            { name: "status", in: "query", schema: { enum: [...PLAN_RUN_STATUSES] } },
            { name: "kind", in: "query", schema: { enum: [...RUN_KINDS] }, description: "The plan kind (preflight and verify runs included)" },
            { name: "node", in: "query", schema: { type: "string" }, description: "A node id: runs with a job on that node" },
            { name: "cluster", in: "query", schema: { type: "integer" }, description: "A cluster id: that cluster's runs" },
            { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 30 } },
          ],
          responses: { "200": ok("{runs, nextCursor}", planRunsPage), ...errors },
        },
        post: {
          summary: "Start a plan (operator): one job per step per node, run in dependency order. A plan that changes nodes needs confirm: true; Status does not",
          requestBody: json(planRunRequestSchema),
          responses: {
            "201": ok("{id, jobs}"),
            ...errors,
            "409": { description: "Nothing to do, or the cluster cannot run this plan yet", ...json(errorBody) },
            "422": {
              description:
                "confirmation_required: the plan changes nodes; error.message and error.wouldChange say which nodes, components and how many steps. " +
                "preflight_failed: a confirmed bring-up, prepare or build ran preflight first and a check is red; error.preflight = {runId, failing: [{node, check, status, detail}]}, nothing was written but the preflight run",
              ...json(confirmationBody),
            },
          },
        },
      },
      "/plan-runs/{id}": { parameters: idParam, get: { summary: "A plan run and its jobs; a status run also carries its report (per node and service: up, down or not installed, with what the probe asked and what answered)", responses: { "200": ok("{run, jobs, report}", planRunDetail), ...errors } } },
      "/plan-runs/{id}/cancel": { parameters: idParam, post: { summary: "Cancel every queued or running job of the run (operator)", responses: { "200": ok("Cancelling"), ...errors } } },
      "/plan-runs/{id}/retry": { parameters: idParam, post: { summary: "Re-run from the failed step: failed, interrupted and cancelled jobs are queued again (operator); a status run is a report and is not retried", responses: { "200": ok("{requeued}"), ...errors, "409": { description: "Still running, nothing to retry, or a status run", ...json(errorBody) } } } },
      "/plan-runs/{id}/log": { parameters: idParam, get: { summary: "All the run's logs, each under a header (text/plain download)", responses: { "200": { description: "Log text" }, ...errors } } },
      "/jobs/{id}": { parameters: idParam, get: { summary: "A job, its script and the last lines of its output", responses: { "200": ok("{job, script, lastLines}"), ...errors } } },
      "/jobs/{id}/log": { parameters: idParam, get: { summary: "The job's raw log (text/plain download); live output streams over socket.io (log:follow)", responses: { "200": { description: "Log bytes" }, ...errors } } },
      "/jobs/{id}/cancel": { parameters: idParam, post: { summary: "Cancel a job: its process group on the node is killed (operator)", responses: { "200": ok("Cancelling"), ...errors } } },
      ...withDeployPaths(clusterPanelPaths()),
      ...weavePaths(),
      ...connectivityPaths(),
      "/openapi.json": { get: { summary: "This document", responses: { "200": ok("OpenAPI 3.1") } } },
    },
  };
}
