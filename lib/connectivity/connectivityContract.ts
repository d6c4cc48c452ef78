// What the connectivity check answers and the matrix component reads: one definition for both
// sides. Client-safe (zod only).
import { z } from "zod";

export const cellFromSchema = z.object({
  /** Marathon app id, as Marathon reports it (data, never code). */
  app: z.string(),
  task: z.string(),
  node: z.string(),
  /** The container's Weave IP; null when Weave did not say it. */
  ip: z.string().nullable(),
  /** Docker's name for it on its node: `mesos-<Mesos container id>`. */
  container: z.string(),
});

export const cellSchema = z.object({
  kind: z.enum(["dns", "ping"]),
  from: cellFromSchema,
  /** A name cell has `name`; an IP cell has `ip` (and the name of the app that owns it, when it has one). */
  to: z.object({ name: z.string().optional(), ip: z.string().optional() }),
  /** What the container's resolver answered (name cells). */
  dns: z.array(z.string()).optional(),
  /** null while the check has not reached this cell. */
  reachable: z.boolean().nullable(),
  rttMs: z.number().optional(),
  /** Why it failed, in words. */
  error: z.string().optional(),
  /** The package that would make this cell checkable ("iputils-ping"), installed only when asked. */
  wouldInstall: z.string().optional(),
});
export type ConnectivityCell = z.output<typeof cellSchema>;

export const checkStatusSchema = z.enum(["queued", "running", "succeeded", "failed", "cancelled"]);

export const connectivityReplySchema = z.object({
  runId: z.string(),
  clusterId: z.number().int(),
  groupId: z.string(),
  /** The run's status: the check itself; a red cell is an answer, not a failed run. */
  status: checkStatusSchema,
  createdAt: z.string(),
  /** The rows: every container of the group, in order. */
  containers: z.array(cellFromSchema),
  /** The columns: the group's app hostnames, then every container's Weave IP. */
  names: z.array(z.string()),
  ips: z.array(z.string()),
  cells: z.array(cellSchema),
  summary: z.object({ ok: z.number().int(), failed: z.number().int(), pending: z.number().int() }),
  /** What the check could not include, and why (an app without a Weave name, a node it could not reach…). */
  notes: z.array(z.string()),
  /** Per node: the job that ran its part (its live log is at /runs/<runId>?job=<jobId>). */
  nodes: z.array(z.object({ node: z.string(), jobId: z.string(), status: z.string(), failure: z.string().nullable() })),
  installPing: z.boolean(),
});
export type ConnectivityReply = z.output<typeof connectivityReplySchema>;

/** `POST …/connectivity` body (optional): installPing allows `apt-get install -y iputils-ping` in containers without ping. */
export const startRequestSchema = z.object({ installPing: z.boolean().default(false) }).strict();
export type StartConnectivityRequest = z.output<typeof startRequestSchema>;

export const startReplySchema = z.object({ runId: z.string(), groupId: z.string(), containers: z.number().int(), nodes: z.number().int() });
export type StartConnectivityReply = z.output<typeof startReplySchema>;
