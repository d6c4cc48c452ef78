"use client";

import { checkReplySchema, deployReplySchema, followReplySchema, type CheckReply, type DeployReply, type FollowReply } from "@/lib/deploy/deployContract";
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

/** What every app action answers: the deployment it started (null for a forced stop: nothing new to follow). */
export interface ActionReply {
  deploymentId: string | null;
}

export const appActions = {
  scale: (clusterId: string, appId: string, instances: number) => api<ActionReply>(`${cluster(clusterId)}/apps/${seg(appId)}/scale`, { method: "POST", body: { instances } }),
  restart: (clusterId: string, appId: string) => api<ActionReply>(`${cluster(clusterId)}/apps/${seg(appId)}/restart`, { method: "POST", body: {} }),
  destroyApp: (clusterId: string, appId: string) => api<ActionReply>(`${cluster(clusterId)}/apps/${seg(appId)}`, { method: "DELETE" }),
  destroyGroup: (clusterId: string, groupId: string) => api<ActionReply>(`${cluster(clusterId)}/groups/${seg(groupId)}`, { method: "DELETE" }),
  /** Roll back (Marathon plans the reverse), or with force stop it where it is. */
  cancelDeployment: (clusterId: string, deploymentId: string, force: boolean) =>
    api<ActionReply>(`${cluster(clusterId)}/deployments/${seg(deploymentId)}${force ? "?force=true" : ""}`, { method: "DELETE" }),
};

export const followPath = (clusterId: string, deploymentId: string) => `/clusters/${encodeURIComponent(clusterId)}/deployments/${encodeURIComponent(deploymentId)}`;
