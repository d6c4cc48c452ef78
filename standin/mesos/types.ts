// The Mesos master's state as the stand-in holds it. Field names follow the v0 JSON
// (state-fields.md) so the writers stay a thin mapping.

import type { PortRange, Resources } from "./resources";

export type MesosTaskState =
  | "TASK_STAGING" | "TASK_STARTING" | "TASK_RUNNING" | "TASK_KILLING" | "TASK_FINISHED" | "TASK_FAILED"
  | "TASK_KILLED" | "TASK_ERROR" | "TASK_LOST" | "TASK_DROPPED" | "TASK_UNREACHABLE" | "TASK_GONE"
  | "TASK_GONE_BY_OPERATOR" | "TASK_UNKNOWN";

export const TERMINAL_STATES: ReadonlySet<MesosTaskState> = new Set([
  "TASK_FINISHED", "TASK_FAILED", "TASK_KILLED", "TASK_ERROR", "TASK_LOST", "TASK_DROPPED", "TASK_GONE", "TASK_GONE_BY_OPERATOR",
]);

export type AttributeValue = string | number;

export interface Agent {
  id: string;
  hostname: string;
  ip: string;
  port: number;
  attributes: Record<string, AttributeValue>;
  resources: Resources;
  registeredTime: number; // epoch seconds (double)
  active: boolean;
  version: string;
  /** Docker bridge subnet counter: Mesos reports Docker's 172.17.0.x for BRIDGE tasks (audit §2.2). */
  nextBridgeHost: number;
}

export interface TaskStatus {
  state: MesosTaskState;
  timestamp: number; // epoch seconds (double)
  healthy?: boolean;
  containerId?: string;
  ipAddress?: string;
  dockerBridgeLabel?: boolean;
  message?: string;
}

export interface DockerInfo {
  image: string;
  network: "BRIDGE" | "HOST" | "USER" | "NONE";
  portMappings: { host_port: number; container_port: number; protocol: string }[];
  parameters: { key: string; value: string }[];
  privileged: boolean;
  forcePullImage: boolean;
}

export interface MesosTask {
  id: string;
  name: string;
  frameworkId: string;
  slaveId: string;
  state: MesosTaskState;
  resources: Resources;
  role: string;
  statuses: TaskStatus[];
  discovery?: { name: string; ports: { number: number; name?: string; protocol: string }[] };
  docker?: DockerInfo;
  labels?: { key: string; value: string }[];
}

export interface Framework {
  id: string;
  name: string;
  pid: string;
  hostname: string;
  webuiUrl: string;
  user: string;
  role: string;
  failoverTimeout: number;
  checkpoint: boolean;
  registeredTime: number;
  active: boolean;
  connected: boolean;
  capabilities: string[];
}

export interface MasterInfo {
  id: string;
  hostname: string;
  ip: string;
  port: number;
  startTime: number;
  electedTime?: number;
}

export type PortRangeList = PortRange[];
