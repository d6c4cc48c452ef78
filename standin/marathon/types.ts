// Marathon 1.5.1's canonical app definition as the model stores it (the reply shape of
// raml/AppConversion.scala: no legacy ports/uris/docker.network fields).

export interface PortMapping {
  containerPort: number;
  hostPort: number;
  servicePort: number;
  protocol: string;
  name?: string;
  labels?: Record<string, string>;
}

export interface PortDefinition {
  port: number;
  protocol: string;
  name?: string;
  labels?: Record<string, string>;
}

export interface Network {
  mode: "host" | "container/bridge" | "container";
  name?: string;
  labels?: Record<string, string>;
}

export interface HealthCheck {
  protocol: string;
  path?: string;
  portIndex?: number;
  port?: number;
  command?: { value: string };
  gracePeriodSeconds: number;
  intervalSeconds: number;
  timeoutSeconds: number;
  maxConsecutiveFailures: number;
  delaySeconds: number;
  ignoreHttp1xx?: boolean;
}

export interface AppContainer {
  type: "DOCKER" | "MESOS";
  docker?: { forcePullImage: boolean; image: string; parameters: { key: string; value: string }[]; privileged: boolean; [k: string]: unknown };
  volumes: unknown[];
  portMappings?: PortMapping[];
}

export interface AppSpec {
  id: string;
  acceptedResourceRoles?: string[];
  args?: string[];
  backoffFactor: number;
  backoffSeconds: number;
  cmd?: string;
  constraints: string[][];
  container?: AppContainer;
  cpus: number;
  dependencies: string[];
  disk: number;
  env: Record<string, unknown>;
  executor: string;
  fetch: unknown[];
  gpus: number;
  healthChecks: HealthCheck[];
  instances: number;
  labels: Record<string, string>;
  maxLaunchDelaySeconds: number;
  mem: number;
  networks: Network[];
  portDefinitions?: PortDefinition[];
  readinessChecks: unknown[];
  requirePorts: boolean;
  secrets: Record<string, unknown>;
  taskKillGracePeriodSeconds?: number;
  upgradeStrategy: { minimumHealthCapacity: number; maximumOverCapacity: number };
  user?: string;
  killSelection: string;
  unreachableStrategy: { inactiveAfterSeconds: number; expungeAfterSeconds: number } | "disabled";
}

export interface App {
  spec: AppSpec;
  version: string;
  versionInfo: { lastScalingAt: string; lastConfigChangeAt: string };
  /** Exactly what the client sent for this app (unknown fields included), for the control API. */
  received: unknown;
}

export interface Group {
  id: string;
  dependencies: string[];
  version: string;
  apps: Map<string, App>;
  groups: Map<string, Group>;
}

export type DeploymentActionName = "StartApplication" | "StopApplication" | "ScaleApplication" | "RestartApplication";

export interface DeploymentAction {
  action: DeploymentActionName;
  app: string;
  /** ScaleApplication / StartApplication target count. */
  scaleTo?: number;
}

export interface DeploymentStep {
  actions: DeploymentAction[];
}

export interface ValidationDetail {
  path: string;
  errors: string[];
}

/** A Marathon error reply waiting to be sent: status + body exactly as Marathon writes it. */
export class MarathonError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message));
  }
}
