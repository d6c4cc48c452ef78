"use client";

import { actionReplySchema, checkReplySchema, deployReplySchema, followReplySchema, type ActionReply, type CheckReply, type DeployReply, type FollowReply } from "@/lib/deploy/deployContract";
import { api } from "../apiClient";
import type { Json } from "./jsonPointer";

// The deploy API as the form and the follow page call it. Replies go through the shared contract,
// so a server that drifts from it is an error here, not a blank field.

const cluster = (id: string) => `/clusters/${encodeURIComponent(id)}`;
/** App and group ids are ONE path segment ("%2Farm-demo%2Fgroup1"). */
const seg = (marathonId: string) => encodeURIComponent(marathonId);

export async function checkGroup(clusterId: string, group: Json, signal?: AbortSignal): Promise<CheckReply> {
  return checkReplySchema.parse(await api(`${cluster(clusterId)}/groups/check`, { method: "POST", body: group, signal }));
}

export interface DeployOptions {
  /** Skip the fit part of the check (never the validation). */
  skipFit?: boolean;
  /** Marathon's force: cancel the deployment that locks an app (offered only after a 409). */
  force?: boolean;
}

export async function deployGroup(clusterId: string, group: Json, opts: DeployOptions = {}): Promise<DeployReply> {
  const qs = new URLSearchParams();
  if (opts.skipFit) qs.set("skipFit", "true");
  if (opts.force) qs.set("force", "true");
  const q = qs.size ? `?${qs}` : "";
  return deployReplySchema.parse(await api(`${cluster(clusterId)}/groups${q}`, { method: "POST", body: group }));
}

export async function followDeployment(clusterId: string, deploymentId: string, signal?: AbortSignal): Promise<FollowReply> {
  return followReplySchema.parse(await api(`${cluster(clusterId)}/deployments/${seg(deploymentId)}`, { signal }));
}

export type { ActionReply };

/** Every action answers the deployment it started (null for a forced stop: nothing new to follow). */
async function action(path: string, method: string, body?: unknown): Promise<ActionReply> {
  return actionReplySchema.parse(await api(path, { method, body }));
}

export const appActions = {
  scale: (clusterId: string, appId: string, instances: number) => action(`${cluster(clusterId)}/apps/${seg(appId)}/scale`, "POST", { instances }),
  restart: (clusterId: string, appId: string) => action(`${cluster(clusterId)}/apps/${seg(appId)}/restart`, "POST", {}),
  destroyApp: (clusterId: string, appId: string) => action(`${cluster(clusterId)}/apps/${seg(appId)}`, "DELETE"),
  destroyGroup: (clusterId: string, groupId: string) => action(`${cluster(clusterId)}/groups/${seg(groupId)}`, "DELETE"),
  /** Roll back (Marathon plans the reverse), or with force stop it where it is. */
  cancelDeployment: (clusterId: string, deploymentId: string, force: boolean) => action(`${cluster(clusterId)}/deployments/${seg(deploymentId)}${force ? "?force=true" : ""}`, "DELETE"),
};

export const followPath = (clusterId: string, deploymentId: string) => `/clusters/${encodeURIComponent(clusterId)}/deployments/${encodeURIComponent(deploymentId)}`;
