// Marathon 1.5.1 reply JSON: AppInfo (raml/AppConversion appWriter + AppInfo extras), GroupInfo,
// task JSON (Formats.TaskWrites/EnrichedTaskWrites), DeploymentInfo (Formats.scala:231-247).
// Key order follows the real writers where the references give it.

import type { App, DeploymentStep, Group } from "./types";
import type { Instance, TaskFailure } from "./instance";

export function appDefinitionJson(app: App): Record<string, unknown> {
  const s = app.spec;
  const json: Record<string, unknown> = { id: s.id };
  if (s.acceptedResourceRoles) json.acceptedResourceRoles = s.acceptedResourceRoles;
  if (s.args) json.args = s.args;
  json.backoffFactor = s.backoffFactor;
  json.backoffSeconds = s.backoffSeconds;
  if (s.cmd !== undefined) json.cmd = s.cmd;
  if (s.constraints.length) json.constraints = s.constraints;
  if (s.container) json.container = s.container;
  json.cpus = s.cpus;
  if (s.dependencies.length) json.dependencies = s.dependencies;
  json.disk = s.disk;
  json.env = s.env;
  json.executor = s.executor;
  if (s.fetch.length) json.fetch = s.fetch;
  json.gpus = s.gpus;
  if (s.healthChecks.length) json.healthChecks = s.healthChecks;
  json.instances = s.instances;
  json.labels = s.labels;
  json.maxLaunchDelaySeconds = s.maxLaunchDelaySeconds;
  json.mem = s.mem;
  json.networks = s.networks;
  if (s.portDefinitions) json.portDefinitions = s.portDefinitions;
  if (s.readinessChecks.length) json.readinessChecks = s.readinessChecks;
  json.requirePorts = s.requirePorts;
  if (Object.keys(s.secrets).length) json.secrets = s.secrets;
  if (s.taskKillGracePeriodSeconds !== undefined) json.taskKillGracePeriodSeconds = s.taskKillGracePeriodSeconds;
  json.upgradeStrategy = s.upgradeStrategy;
  if (s.user !== undefined) json.user = s.user;
  json.version = app.version;
  json.versionInfo = app.versionInfo;
  json.killSelection = s.killSelection;
  json.unreachableStrategy = s.unreachableStrategy;
  return json;
}

export function taskJson(i: Instance, withServicePorts = false): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: i.taskId,
    slaveId: i.agentId,
    host: i.host,
    state: i.state,
    startedAt: i.startedAt,
    stagedAt: i.stagedAt,
    ports: i.ports,
    version: i.version,
  };
  if (i.ipAddress) json.ipAddresses = [{ ipAddress: i.ipAddress, protocol: "IPv4" }];
  json.appId = i.appId;
  if (withServicePorts) json.servicePorts = i.servicePorts;
  if (i.healthy !== undefined) {
    json.healthCheckResults = [
      {
        alive: i.healthy,
        consecutiveFailures: i.healthy ? 0 : 1,
        firstSuccess: i.firstHealthyAt ?? null,
        lastFailure: null,
        lastSuccess: i.healthy ? (i.firstHealthyAt ?? null) : null,
        lastFailureCause: null,
        instanceId: i.instanceId,
      },
    ];
  }
  return json;
}

export interface AppEmbeds {
  counts: boolean;
  tasks: boolean;
  deployments: boolean;
  lastTaskFailure: boolean;
  taskStats: boolean;
  readiness: boolean;
}

export interface AppRuntime {
  instances: Instance[];
  deploymentIds: string[];
  lastTaskFailure?: TaskFailure;
}

export function appInfoJson(app: App, rt: AppRuntime, embed: AppEmbeds): Record<string, unknown> {
  const json = appDefinitionJson(app);
  const live = rt.instances;
  if (embed.counts) {
    json.tasksStaged = live.filter((i) => i.state === "TASK_STAGING" || i.state === "TASK_STARTING").length;
    json.tasksRunning = live.filter((i) => i.state === "TASK_RUNNING").length;
    json.tasksHealthy = live.filter((i) => i.healthy === true).length;
    json.tasksUnhealthy = live.filter((i) => i.healthy === false).length;
  }
  if (embed.deployments || embed.tasks) json.deployments = rt.deploymentIds.map((id) => ({ id }));
  if (embed.readiness) json.readinessCheckResults = [];
  if (embed.tasks) json.tasks = live.map((i) => taskJson(i));
  if (embed.lastTaskFailure && rt.lastTaskFailure) json.lastTaskFailure = rt.lastTaskFailure;
  if (embed.taskStats) json.taskStats = {};
  return json;
}

export interface GroupEmbeds {
  groups: boolean;
  apps: boolean;
  pods: boolean;
  app: AppEmbeds;
}

export function groupInfoJson(g: Group, embed: GroupEmbeds, runtime: (appId: string) => AppRuntime): Record<string, unknown> {
  const json: Record<string, unknown> = { id: g.id, dependencies: g.dependencies, version: g.version };
  if (embed.apps) json.apps = [...g.apps.values()].map((a) => appInfoJson(a, runtime(a.spec.id), embed.app));
  if (embed.groups) json.groups = [...g.groups.values()].map((c) => groupInfoJson(c, embed, runtime));
  if (embed.pods) json.pods = [];
  return json;
}

/** The group tree as deployment events carry it (plan.original / plan.target: apps without runtime). */
export function groupDefinitionJson(g: Group): Record<string, unknown> {
  return {
    id: g.id,
    apps: [...g.apps.values()].map(appDefinitionJson),
    groups: [...g.groups.values()].map(groupDefinitionJson),
    pods: [],
    dependencies: g.dependencies,
    version: g.version,
  };
}

export const stepsJson = (steps: DeploymentStep[]) => steps.map((s) => ({ actions: s.actions.map((a) => ({ action: a.action, app: a.app })) }));
