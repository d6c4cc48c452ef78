// The shapes the deploy API answers and the deploy form reads: one definition for both sides, so
// the form cannot drift from the server. Client-safe (zod only); nothing here talks to Marathon.
import { z } from "zod";

/**
 * Where a message belongs: a JSON Pointer (RFC 6901) into the group body exactly as the user sent
 * it ("/groups/0/apps/1/mem"; "" for the body itself), so the form puts it next to its field and
 * the JSON mode can find its line.
 */
export const issueSchema = z.object({ path: z.string(), message: z.string() });
export type DeployIssue = z.output<typeof issueSchema>;

const amountsSchema = z.object({ cpus: z.number(), memMb: z.number(), diskMb: z.number(), ports: z.number().int() });
export type Amounts = z.output<typeof amountsSchema>;

/** One agent as the fit check saw it: what is free on it now (resources minus used). */
export const fitAgentSchema = z.object({
  id: z.string(),
  hostname: z.string(),
  free: amountsSchema,
});

export const appFitSchema = z.object({
  /** Absolute app id, resolved as Marathon resolves relative ids. */
  id: z.string(),
  /** Pointer to the app in the body ("/groups/0/apps/1"). */
  path: z.string(),
  instances: z.number().int(),
  /** What one instance needs on one agent. */
  each: amountsSchema,
  /** Agents on which one instance fits now (CPUs, memory, disk and ports together). */
  agentsThatFitOne: z.number().int(),
  /** How many of `instances` can be placed at once, counting constraints and earlier apps of this group. */
  placeable: z.number().int(),
  ok: z.boolean(),
  /** In the runbook's words: what it needs in all and on one agent, and which agent has what. */
  explanation: z.string(),
});
export type AppFit = z.output<typeof appFitSchema>;

export const fitSchema = z.object({
  /** False when Mesos' state could not be read: the check then says so and validates only. */
  checked: z.boolean(),
  /** When the agents' state was fetched, and how many were active. */
  fetchedAt: z.string().nullable(),
  agents: z.array(fitAgentSchema),
  need: amountsSchema.extend({ instances: z.number().int() }),
  free: amountsSchema,
  apps: z.array(appFitSchema),
  /** One paragraph for the whole group, e.g. "4 instances need 1 CPU, 512 MB and 4 GB in all; …". */
  summary: z.string(),
});
export type GroupFit = z.output<typeof fitSchema>;

/** `POST /api/v1/clusters/{id}/groups/check`, and the body of a 422 from `POST …/groups`. */
export const checkReplySchema = z.object({
  ok: z.boolean(),
  /** The group's absolute id as Marathon will store it. */
  groupId: z.string(),
  /** Whether a group with that id exists now (the deploy then goes through PUT). */
  exists: z.boolean(),
  errors: z.array(issueSchema),
  warnings: z.array(issueSchema),
  fit: fitSchema,
});
export type CheckReply = z.output<typeof checkReplySchema>;

/** `POST /api/v1/clusters/{id}/groups` on success: Marathon's reply plus how it was sent. */
export const deployReplySchema = z.object({
  deploymentId: z.string(),
  version: z.string(),
  groupId: z.string(),
  method: z.enum(["POST", "PUT"]),
});
export type DeployReply = z.output<typeof deployReplySchema>;

/**
 * Armdeck's 409/422 when Marathon refused: `{error: {code, message, upstream, issues, deployments}}`.
 * `code` is "marathon_conflict" (409: an app is locked by `deployments`; retry with force=true),
 * "marathon_invalid" (422: Marathon's `details[{path, errors}]` as issues with pointer paths),
 * or "check_failed" (422: Armdeck's own check refused; `check` is the CheckReply).
 */
export const deployErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    upstream: z.object({ status: z.number().int(), message: z.string() }).optional(),
    issues: z.array(issueSchema).optional(),
    deployments: z.array(z.string()).optional(),
    check: checkReplySchema.optional(),
  }),
});
export type DeployError = z.output<typeof deployErrorSchema>;

export const followStateSchema = z.enum(["running", "succeeded", "failed", "stuck", "rolled_back", "unknown"]);

/** `GET /api/v1/clusters/{id}/deployments/{deploymentId}`: one deployment followed to its end. */
export const followReplySchema = z.object({
  id: z.string(),
  state: followStateSchema,
  /** Why it is in that state, in words (the queue's reason when stuck, the last task failure when failed). */
  reason: z.string().nullable(),
  version: z.string().nullable(),
  affectedApps: z.array(z.string()),
  currentStep: z.number().int(),
  totalSteps: z.number().int(),
  steps: z.array(
    z.object({
      state: z.enum(["done", "running", "pending"]),
      actions: z.array(
        z.object({
          action: z.string(),
          app: z.string(),
          readiness: z.array(z.object({ name: z.string(), ready: z.boolean(), lastResponse: z.string().nullable() })),
        }),
      ),
    }),
  ),
  /** Tasks of the affected apps as they start, with their agent. */
  tasks: z.array(
    z.object({ id: z.string(), appId: z.string(), state: z.string(), agent: z.string().nullable(), host: z.string().nullable(), startedAt: z.string().nullable() }),
  ),
  /** Per affected app that waits in /v2/queue: which resource or constraint the offers failed on, per agent, in words. */
  stuck: z.array(z.object({ appId: z.string(), summary: z.string(), perAgent: z.array(z.object({ agent: z.string(), reasons: z.array(z.string()) })) })),
  fetchedAt: z.string().nullable(),
});
export type FollowReply = z.output<typeof followReplySchema>;

/**
 * `POST …/apps/{appId}/scale`, `…/restart`, `DELETE …/apps/{appId}`, `DELETE …/groups/{groupId}`,
 * `DELETE …/deployments/{deploymentId}`: the deployment the action started, to follow. Null only
 * for a forced stop of a deployment (Marathon stops it as is: 202, nothing new to follow).
 */
export const actionReplySchema = z.object({
  action: z.enum(["scale", "restart", "delete_app", "delete_group", "rollback", "stop"]),
  /** The app, group or deployment acted on. */
  target: z.string(),
  deploymentId: z.string().nullable(),
  version: z.string().nullable(),
});
export type ActionReply = z.output<typeof actionReplySchema>;
