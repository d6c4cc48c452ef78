// One Marathon instance (1.5: one task per app instance). instanceId ≠ taskId:
// task `arm-demo_group1_ubuntu1.<uuid>`, instance `arm-demo_group1_ubuntu1.marathon-<uuid>`
// (Task.scala:176-199@v1.5.1, audit §1.8).

import type { MesosTaskState } from "../mesos/types";

export interface Instance {
  instanceId: string;
  taskId: string;
  appId: string;
  /** The app's `version` when launched (runSpecVersion). */
  version: string;
  /** The app's config version (lastConfigChangeAt): a restart replaces instances whose config differs. */
  configVersion: string;
  agentId: string;
  host: string;
  state: MesosTaskState;
  stagedAt: string;
  startedAt: string | null;
  ports: number[];
  servicePorts: number[];
  ipAddress?: string;
  healthy?: boolean;
  firstHealthyAt?: string;
  killing: boolean;
}

export interface TaskFailure {
  appId: string;
  host: string;
  message: string;
  state: string;
  taskId: string;
  timestamp: string;
  version: string;
  slaveId: string;
}
