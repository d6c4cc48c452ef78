import { z, type ZodType } from "zod";
import { actionReplySchema, checkReplySchema, deployErrorSchema, deployReplySchema, followReplySchema } from "../deploy/deployContract.ts";
import { scaleBodySchema } from "../deploy/deployInput.ts";

// The deploy API (lib/deploy/, docs/deploy-api.md): its replies are the contract's zod shapes, so
// the document and the form read the same definitions.

const out = (s: ZodType) => z.toJSONSchema(s, { io: "output", unrepresentable: "any" });
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const path = (name: string, description: string) => ({ name, in: "path", required: true, schema: { type: "string" }, description });
const clusterId = path("id", "The cluster");
const force = (description: string) => ({ name: "force", in: "query", required: false, schema: { enum: ["true", "false"] }, description });
const marathonForce = force("Marathon's force: cancel the deployments that lock the affected apps (offer it only after a 409 marathon_conflict)");
const appId = path("appId", "The app's absolute id as ONE url-encoded segment: %2Farm-demo%2Fgroup1%2Fubuntu1");
const groupId = path("groupId", "The group's absolute id as ONE url-encoded segment: %2Farm-demo");
const deploymentId = path("deploymentId", "Marathon's deployment id");

const refusals = {
  "400": { description: "A bad body or id (validation_failed, with fields)" },
  "401": { description: "Not signed in" },
  "403": { description: "Role too low (operator needed), or the CSRF/Origin check failed" },
  "404": { description: "No such cluster, no Marathon registered, or Marathon does not know the app/group/deployment (marathon_refused)" },
  "409": { description: "marathon_conflict: an app is locked by `deployments`; retry with force=true", ...json(out(deployErrorSchema)) },
  "422": { description: "marathon_invalid: Marathon's details as issues with JSON Pointer paths", ...json(out(deployErrorSchema)) },
  "502": { description: "Marathon refused the connection or sent a bad reply" },
  "503": { description: "Marathon has no leader, or the pollers are not running" },
  "504": { description: "Marathon did not answer in time" },
};
const action = (summary: string, extra: object = {}) => ({ summary, ...extra, responses: { "200": { description: "The deployment the action started (follow it at /clusters/{id}/deployments/{deploymentId})", ...json(out(actionReplySchema)) }, ...refusals } });
const groupBody = { type: "object", description: "A Marathon group (GroupUpdate) exactly as Marathon takes it: id, apps, groups, dependencies; every field, known or not, is sent on", additionalProperties: true };

export function deployPaths() {
  return {
    "/clusters/{id}/groups/check": {
      parameters: [clusterId],
      post: {
        summary: "Check a group before deploying (viewer): Marathon's id, tree, resource, port, constraint and dependency rules, each issue at a JSON Pointer into the body, and the fit against the live agents (fit.checked=false with a warning when Mesos cannot be read). Nothing is sent to Marathon",
        requestBody: json(groupBody),
        responses: { "200": { description: "CheckReply", ...json(out(checkReplySchema)) }, "400": refusals["400"], "401": refusals["401"], "403": refusals["403"], "404": refusals["404"] },
      },
    },
    "/clusters/{id}/groups": {
      post: {
        summary: "Deploy a group (operator): the same check first (422 check_failed with the CheckReply), then POST /v2/groups for a new group or PUT /v2/groups/{id} for one that exists, with the body exactly as sent",
        parameters: [
          marathonForce,
          { name: "skipFit", in: "query", required: false, schema: { enum: ["true", "false"] }, description: "Deploy even when the fit check refuses (validation still applies); the fit's refusals become warnings" },
        ],
        requestBody: json(groupBody),
        responses: { "201": { description: "Marathon's deployment, and whether it went by POST or PUT", ...json(out(deployReplySchema)) }, ...refusals, "422": { description: "check_failed (Armdeck's check refused; error.check is the CheckReply) or marathon_invalid", ...json(out(deployErrorSchema)) } },
      },
    },
    "/clusters/{id}/groups/{groupId}": { parameters: [clusterId, groupId], delete: action("Destroy a group and every app in it (operator)", { parameters: [marathonForce] }) },
    "/clusters/{id}/apps/{appId}": { parameters: [clusterId, appId], delete: action("Destroy an app (operator)", { parameters: [marathonForce] }) },
    "/clusters/{id}/apps/{appId}/scale": { parameters: [clusterId, appId], post: action("Scale an app to `instances` (operator)", { parameters: [marathonForce], requestBody: json(z.toJSONSchema(scaleBodySchema, { io: "input" })) }) },
    "/clusters/{id}/apps/{appId}/restart": { parameters: [clusterId, appId], post: action("Restart an app's instances (operator)", { parameters: [marathonForce] }) },
    "/clusters/{id}/deployments/{deploymentId}": {
      parameters: [clusterId, deploymentId],
      get: {
        summary: "Follow one deployment to its end (viewer), from the poller's caches: running (step n of m, actions, readiness), succeeded (left Marathon's list with its apps at their target; a 0-step plan at once), failed, stuck (why, per agent, from /v2/queue) or rolled_back; tasks with their agents",
        responses: { "200": { description: "FollowReply", ...json(out(followReplySchema)) }, "401": refusals["401"], "404": { description: "Neither Marathon nor Armdeck knows the deployment" }, "502": refusals["502"], "503": refusals["503"], "504": refusals["504"] },
      },
      delete: action("Roll the deployment back (operator): a new deployment to follow; with force=true stop it as it is (deploymentId null)", { parameters: [force("Stop without rollback (Marathon answers 202, nothing new to follow)")] }),
    },
  };
}

/** Adds the deploy API's methods to paths the panels already document (GET /clusters/{id}/groups). */
export function withDeployPaths(paths: Record<string, object>): Record<string, object> {
  const merged: Record<string, object> = { ...paths };
  for (const [key, value] of Object.entries(deployPaths())) merged[key] = { ...(paths[key] ?? {}), ...value };
  return merged;
}
