// Marathon's REST replies (v1.5.1, the runbook's; 1.4 legacy fields and later additions tolerated),
// validated where they enter Armdeck. Shapes: ../shared/reference/marathon/notes.md §3-§8 and the
// audit (corrections-and-gaps.md §1). Old examples write `null` for unset fields ("args": null,
// "container": null), so optional fields are nullish; unknown keys are dropped (z.object strips).

import { z } from "zod";

const str = z.string().nullish();
const num = z.number().nullish();

export const portMappingSchema = z.object({
  containerPort: num,
  hostPort: num,
  servicePort: num,
  protocol: str,
  name: str,
  labels: z.record(z.string(), z.string()).nullish(),
  networkNames: z.array(z.string()).nullish(),
});

export const dockerSchema = z.object({
  image: str,
  /** 1.4 canonical, accepted on input by 1.5+ but never replied (notes §1): BRIDGE | HOST | NONE | USER. */
  network: str,
  /** 1.4 canonical place of the port mappings; 1.5+ replies use container.portMappings. */
  portMappings: z.array(portMappingSchema).nullish(),
  privileged: z.boolean().nullish(),
  forcePullImage: z.boolean().nullish(),
  parameters: z.array(z.object({ key: z.string(), value: z.string() })).nullish(),
});

export const containerSchema = z.object({
  type: str,
  docker: dockerSchema.nullish(),
  portMappings: z.array(portMappingSchema).nullish(),
  volumes: z.array(z.record(z.string(), z.unknown())).nullish(),
});

export const networkSchema = z.object({ mode: z.string(), name: str, labels: z.record(z.string(), z.string()).nullish() });

export const healthCheckResultSchema = z.object({
  alive: z.boolean().nullish(),
  consecutiveFailures: num,
  firstSuccess: str,
  lastFailure: str,
  lastSuccess: str,
  lastFailureCause: str,
  instanceId: str,
  taskId: str,
});

export const marathonTaskSchema = z.object({
  id: z.string(),
  appId: str,
  host: str,
  /** 1.5+; absent in the older examples. */
  state: str,
  slaveId: str,
  startedAt: str,
  stagedAt: str,
  version: str,
  ports: z.array(z.number()).nullish(),
  servicePorts: z.array(z.number()).nullish(),
  ipAddresses: z.array(z.object({ ipAddress: z.string(), protocol: str })).nullish(),
  healthCheckResults: z.array(healthCheckResultSchema).nullish(),
  region: str,
  zone: str,
  role: str,
});
export type MarathonTask = z.output<typeof marathonTaskSchema>;

export const lastTaskFailureSchema = z.object({
  appId: str,
  host: str,
  message: str,
  state: str,
  taskId: str,
  timestamp: str,
  version: str,
  slaveId: str,
});

export const marathonAppSchema = z.object({
  id: z.string(),
  cmd: str,
  args: z.array(z.string()).nullish(),
  user: str,
  instances: z.number().default(1),
  cpus: z.number().default(1),
  mem: z.number().default(128),
  disk: z.number().default(0),
  gpus: z.number().default(0),
  env: z.record(z.string(), z.unknown()).nullish(),
  labels: z.record(z.string(), z.string()).nullish(),
  constraints: z.array(z.array(z.string())).nullish(),
  container: containerSchema.nullish(),
  /** 1.5+ (notes §1). */
  networks: z.array(networkSchema).nullish(),
  portDefinitions: z.array(z.object({ port: num, protocol: str, name: str })).nullish(),
  /** 1.4 legacy. */
  ports: z.array(z.number()).nullish(),
  ipAddress: z.record(z.string(), z.unknown()).nullish(),
  uris: z.array(z.string()).nullish(),
  dependencies: z.array(z.string()).nullish(),
  healthChecks: z.array(z.record(z.string(), z.unknown())).nullish(),
  upgradeStrategy: z.object({ minimumHealthCapacity: num, maximumOverCapacity: num }).nullish(),
  backoffSeconds: num,
  backoffFactor: num,
  maxLaunchDelaySeconds: num,
  version: str,
  versionInfo: z.object({ lastScalingAt: str, lastConfigChangeAt: str }).nullish(),
  // AppInfo embeds (counts always on /v2/apps; on /v2/groups only with group.apps.counts).
  tasksStaged: num,
  tasksRunning: num,
  tasksHealthy: num,
  tasksUnhealthy: num,
  deployments: z.array(z.object({ id: z.string() })).nullish(),
  tasks: z.array(marathonTaskSchema).nullish(),
  lastTaskFailure: lastTaskFailureSchema.nullish(),
});
export type MarathonApp = z.output<typeof marathonAppSchema>;

export interface MarathonGroup {
  id: string;
  version?: string | null;
  dependencies?: string[] | null;
  apps?: MarathonApp[] | null;
  groups?: MarathonGroup[] | null;
  pods?: unknown[] | null;
}
export const marathonGroupSchema: z.ZodType<MarathonGroup> = z.lazy(() =>
  z.object({
    id: z.string(),
    version: str,
    dependencies: z.array(z.string()).nullish(),
    apps: z.array(marathonAppSchema).nullish(),
    groups: z.array(marathonGroupSchema).nullish(),
    pods: z.array(z.unknown()).nullish(),
  }),
);

export const appsReplySchema = z.object({ apps: z.array(marathonAppSchema) });
export const tasksReplySchema = z.object({ tasks: z.array(marathonTaskSchema) });

const deploymentActionSchema = z.object({ action: z.string(), app: str, pod: str });
export const deploymentStepSchema = z.object({ actions: z.array(deploymentActionSchema) });

export const marathonDeploymentSchema = z.object({
  id: z.string(),
  version: str,
  affectedApps: z.array(z.string()).default([]),
  affectedPods: z.array(z.string()).default([]),
  steps: z.array(deploymentStepSchema).default([]),
  currentActions: z
    .array(deploymentActionSchema.extend({ readinessCheckResults: z.array(z.record(z.string(), z.unknown())).nullish() }))
    .default([]),
  /** 1-based on 1.5.1; 0 for the placeholder listed at once from 1.5.14 (audit §1.2). */
  currentStep: z.number(),
  /** The code writes steps.length; the 1.5.1 doc example disagrees (a doc slip). */
  totalSteps: z.number(),
});
export type MarathonDeployment = z.output<typeof marathonDeploymentSchema>;
export const deploymentsReplySchema = z.array(marathonDeploymentSchema);

/** Body of every deployment-creating call: {version, deploymentId}. */
export const deploymentResultSchema = z.object({ version: z.string(), deploymentId: z.string() });
export type DeploymentResult = z.output<typeof deploymentResultSchema>;

export const dryRunReplySchema = z.object({ steps: z.array(deploymentStepSchema) });

const rejectSummarySchema = z.array(z.object({ reason: z.string(), declined: z.number(), processed: z.number() }));
export const queueItemSchema = z.object({
  app: marathonAppSchema.nullish(),
  pod: z.record(z.string(), z.unknown()).nullish(),
  count: z.number(),
  delay: z.object({ timeLeftSeconds: z.number(), overdue: z.boolean() }).nullish(),
  since: str,
  processedOffersSummary: z
    .object({
      processedOffersCount: num,
      unusedOffersCount: num,
      lastUnusedOfferAt: str,
      lastUsedOfferAt: str,
      // Funnel order, each offer counted under its first failing reason (audit §1.7).
      rejectSummaryLastOffers: rejectSummarySchema.nullish(),
      rejectSummaryLaunchAttempt: rejectSummarySchema.nullish(),
    })
    .nullish(),
  /** Only with ?embed=lastUnusedOffers: every reason of the last offer per agent (not funnelled). */
  lastUnusedOffers: z
    .array(
      z.object({
        offer: z.object({ id: str, hostname: str, agentId: str, resources: z.array(z.record(z.string(), z.unknown())).nullish(), attributes: z.array(z.unknown()).nullish() }),
        reason: z.array(z.string()).default([]),
        timestamp: str,
      }),
    )
    .nullish(),
});
export type MarathonQueueItem = z.output<typeof queueItemSchema>;
export const queueReplySchema = z.object({ queue: z.array(queueItemSchema) });

export const marathonInfoSchema = z.object({
  name: str,
  version: z.string(),
  buildref: str,
  elected: z.boolean().nullish(),
  /** "host:8080", or null with no leader. */
  leader: str,
  frameworkId: str,
  marathon_config: z.object({ master: str, mesos_leader_ui_url: str, hostname: str, webui_url: str, http_port: num }).nullish(),
  zookeeper_config: z.object({ zk: str }).nullish(),
  http_config: z.object({ http_port: num, https_port: num }).nullish(),
});
export type MarathonInfo = z.output<typeof marathonInfoSchema>;

export const leaderReplySchema = z.object({ leader: z.string() });

/** 409 / 422 / 4xx bodies (notes §9): `details` is a string for parser errors, a list otherwise. */
export const marathonErrorBodySchema = z.object({
  message: z.string().default(""),
  details: z.union([z.string(), z.array(z.object({ path: z.string(), errors: z.array(z.string()) }))]).nullish(),
  deployments: z.array(z.object({ id: z.string() })).nullish(),
});
export type MarathonErrorBody = z.output<typeof marathonErrorBodySchema>;
