// The Deployment rows: one per deployment Armdeck started, written when Marathon accepted it and
// updated as the follow route sees it run and end.

import { db } from "../db/client.ts";
import type { DeploymentKind, DeploymentState, Prisma } from "../db/generated/client.ts";

/** Per affected app, what done means: its instance count, or null when it goes away. */
export type DeploymentTarget = Record<string, number | null>;

export interface NewDeployment {
  clusterId: number;
  deploymentId: string;
  version: string;
  kind: DeploymentKind;
  groupId?: string | null;
  target: DeploymentTarget;
  method: string;
  startedBy: string;
}

export function recordDeployment(d: NewDeployment) {
  return db.deployment.create({
    data: {
      clusterId: d.clusterId,
      deploymentId: d.deploymentId,
      version: d.version,
      kind: d.kind,
      groupId: d.groupId ?? null,
      affectedApps: Object.keys(d.target),
      target: d.target,
      method: d.method,
      startedBy: d.startedBy,
    },
  });
}

export function findDeployment(clusterId: number, deploymentId: string) {
  return db.deployment.findUnique({ where: { clusterId_deploymentId: { clusterId, deploymentId } } });
}

export type DeploymentRow = NonNullable<Awaited<ReturnType<typeof findDeployment>>>;

export function updateDeployment(row: DeploymentRow, data: { state?: DeploymentState; reason?: string | null; steps?: Prisma.InputJsonValue; seenAt?: Date; finishedAt?: Date }) {
  return db.deployment.update({ where: { id: row.id }, data });
}
