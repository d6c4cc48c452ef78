// Scale, restart and destroy an app, destroy a group, roll back or stop a deployment: each one
// Marathon write on the cluster's Marathon lane, audited, recorded and followed like a deploy.
// Ids come as one URL path segment and are checked against Marathon's id rule before use, so a
// value can never add a path segment, a query or ".." to the request.

import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { deploymentIdPath, marathonIdPath } from "../marathon/marathonIds.ts";
import { ValidationError } from "../errors.ts";
import { cachedMarathon } from "./clusterCheck.ts";
import { clusterMarathon, type ClusterMarathon } from "./clusterMarathon.ts";
import type { ActionReply } from "./deployContract.ts";
import { findDeployment, recordDeployment, updateDeployment, type DeploymentTarget } from "./deploymentRecords.ts";
import { appsUnder, findGroup } from "./deploymentTarget.ts";
import type { DeploymentKind } from "../db/generated/client.ts";

/** "/arm-demo/group1/ubuntu1" from the decoded path segment, validated; never the root. */
export function absoluteIdParam(raw: string, field: string): string {
  const path = marathonIdPath(raw, field);
  if (path === "") throw new ValidationError({ [field]: "The root group cannot be acted on" }, "The root group cannot be acted on");
  return `/${path}`;
}

interface Started {
  cm: ClusterMarathon;
  action: ActionReply["action"];
  kind: DeploymentKind;
  target: string;
  method: string;
  expect: DeploymentTarget;
  groupId?: string;
}

async function started(s: Started, reply: { deploymentId: string; version: string }, actor: AuditActor, detail: Record<string, unknown> = {}): Promise<ActionReply> {
  await recordDeployment({ clusterId: s.cm.clusterId, deploymentId: reply.deploymentId, version: reply.version, kind: s.kind, groupId: s.groupId, target: s.expect, method: s.method, startedBy: actor.username });
  s.cm.poller.follow(reply.deploymentId);
  await recordAuditEvent({ actor, action: `marathon.${s.action}`, target: `cluster ${s.cm.clusterId} ${s.target}`, result: "success", detail: { deploymentId: reply.deploymentId, ...detail } });
  return { action: s.action, target: s.target, deploymentId: reply.deploymentId, version: reply.version };
}

async function audited<T>(cm: ClusterMarathon, action: string, target: string, actor: AuditActor, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    await recordAuditEvent({ actor, action: `marathon.${action}`, target: `cluster ${cm.clusterId} ${target}`, result: "failure", detail: { error: (error as Error).message } });
    throw error;
  }
}

export async function scaleApp(clusterId: string, rawAppId: string, instances: number, force: boolean, actor: AuditActor): Promise<ActionReply> {
  const appId = absoluteIdParam(rawAppId, "appId");
  const cm = await clusterMarathon(clusterId);
  const reply = await audited(cm, "scale", appId, actor, () => cm.write((c) => c.scaleApp(appId, instances, { force })));
  return started({ cm, action: "scale", kind: "app_scale", target: appId, method: `PUT /v2/apps${appId}`, expect: { [appId]: instances } }, reply.data, actor, { instances, force });
}

export async function restartApp(clusterId: string, rawAppId: string, force: boolean, actor: AuditActor): Promise<ActionReply> {
  const appId = absoluteIdParam(rawAppId, "appId");
  const cm = await clusterMarathon(clusterId);
  const { root } = await cachedMarathon(cm.poller);
  const app = root ? findApp(root, appId) : undefined;
  const reply = await audited(cm, "restart", appId, actor, () => cm.write((c) => c.restartApp(appId, { force })));
  return started({ cm, action: "restart", kind: "app_restart", target: appId, method: `POST /v2/apps${appId}/restart`, expect: { [appId]: app?.instances ?? 0 } }, reply.data, actor, { force });
}

export async function deleteApp(clusterId: string, rawAppId: string, force: boolean, actor: AuditActor): Promise<ActionReply> {
  const appId = absoluteIdParam(rawAppId, "appId");
  const cm = await clusterMarathon(clusterId);
  const reply = await audited(cm, "delete_app", appId, actor, () => cm.write((c) => c.deleteApp(appId, { force })));
  return started({ cm, action: "delete_app", kind: "app_delete", target: appId, method: `DELETE /v2/apps${appId}`, expect: { [appId]: null } }, reply.data, actor, { force });
}

export async function deleteGroup(clusterId: string, rawGroupId: string, force: boolean, actor: AuditActor): Promise<ActionReply> {
  const groupId = absoluteIdParam(rawGroupId, "groupId");
  const cm = await clusterMarathon(clusterId);
  const { root } = await cachedMarathon(cm.poller);
  const group = findGroup(root, groupId);
  const expect = Object.fromEntries((group ? appsUnder(group) : []).map((id) => [id, null]));
  const reply = await audited(cm, "delete_group", groupId, actor, () => cm.write((c) => c.deleteGroup(groupId, { force })));
  return started({ cm, action: "delete_group", kind: "group_delete", target: groupId, groupId, method: `DELETE /v2/groups${groupId}`, expect }, reply.data, actor, { force });
}

/** Without force a rollback deployment (followed like any other); with force Marathon stops it as is. */
export async function cancelDeployment(clusterId: string, deploymentId: string, force: boolean, actor: AuditActor): Promise<ActionReply> {
  deploymentIdPath(deploymentId);
  const cm = await clusterMarathon(clusterId);
  const action = force ? "stop" : "rollback";
  const reply = await audited(cm, action, deploymentId, actor, () => cm.write((c) => c.deleteDeployment(deploymentId, { force })));
  const row = await findDeployment(cm.clusterId, deploymentId);
  if (!reply.data) {
    if (row) await updateDeployment(row, { state: "failed", reason: `Stopped by ${actor.username} without rollback: its apps stay as they were`, finishedAt: new Date() });
    await recordAuditEvent({ actor, action: "marathon.stop", target: `cluster ${cm.clusterId} ${deploymentId}`, result: "success" });
    return { action, target: deploymentId, deploymentId: null, version: null };
  }
  if (row) await updateDeployment(row, { state: "rolled_back", reason: `Rolled back by ${actor.username} (deployment ${reply.data.deploymentId})`, finishedAt: new Date() });
  // A rollback's own target is what the apps were before; it counts as done once it leaves Marathon's list.
  return started({ cm, action, kind: "rollback", target: deploymentId, method: `DELETE /v2/deployments/${deploymentId}`, expect: {} }, reply.data, actor);
}

function findApp(root: import("../marathon/marathonSchemas.ts").MarathonGroup, id: string) {
  const stack = [root];
  while (stack.length) {
    const g = stack.pop()!;
    const a = (g.apps ?? []).find((x) => x.id === id);
    if (a) return a;
    stack.push(...(g.groups ?? []));
  }
  return undefined;
}
