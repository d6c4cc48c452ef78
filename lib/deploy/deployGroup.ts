// POST /api/v1/clusters/{id}/groups: the same check as groups/check (refused with 422
// check_failed; skipFit skips the fit's verdict, never the validation), then the body exactly as
// sent to Marathon: POST /v2/groups for a new group, PUT /v2/groups/{id} for one that exists (by
// the cache, or by Marathon's 409 "already created"). The deployment is recorded and followed.

import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { MarathonApiError } from "../marathon/marathonApiError.ts";
import { cachedMarathon, cachedMesos } from "./clusterCheck.ts";
import { checkGroup } from "./checkGroup.ts";
import { clusterMarathon } from "./clusterMarathon.ts";
import type { DeployReply } from "./deployContract.ts";
import { CheckFailedError } from "./deployErrors.ts";
import { recordDeployment } from "./deploymentRecords.ts";
import { groupDeployTarget } from "./deploymentTarget.ts";
import { walkGroup, type JsonObject } from "./groupTree.ts";

export interface DeployOptions {
  /** Marathon's force: cancel the deployments that lock the group's apps. */
  force: boolean;
  skipFit: boolean;
}

/** Marathon's 409 for an existing path carries no `deployments` (the lock's 409 does). */
const alreadyExists = (e: unknown) => e instanceof MarathonApiError && e.status === 409 && e.deploymentIds.length === 0;

export async function deployGroup(rawClusterId: string, body: JsonObject, opts: DeployOptions, actor: AuditActor): Promise<DeployReply> {
  const cm = await clusterMarathon(rawClusterId);
  const [{ root, context }, { mesos, problem }] = await Promise.all([cachedMarathon(cm.poller), cachedMesos(cm.poller)]);
  const check = checkGroup({ body, marathon: context, mesos, mesosProblem: problem, skipFit: opts.skipFit });
  const audit = (result: "success" | "failure", detail: Record<string, unknown>) =>
    recordAuditEvent({ actor, action: "marathon.group.deploy", target: `cluster ${cm.clusterId} ${check.groupId}`, result, detail: { force: opts.force, skipFit: opts.skipFit, ...detail } });
  if (!check.ok) {
    await audit("failure", { refused: "check_failed", errors: check.errors.length });
    throw new CheckFailedError(check);
  }
  const tree = walkGroup(body);
  const appPointers = tree.apps.map((a) => a.pointer);
  const id = check.groupId;
  const put = () => cm.write((c) => c.putGroup(id, body, { force: opts.force }), body, appPointers);
  let method: DeployReply["method"] = check.exists ? "PUT" : "POST";
  let reply;
  try {
    reply = check.exists
      ? await put()
      : await cm.write((c) => c.postGroup(body, { force: opts.force }).catch((e) => (alreadyExists(e) ? null : Promise.reject(e))), body, appPointers);
    if (reply === null) {
      method = "PUT";
      reply = await put();
    }
  } catch (error) {
    await audit("failure", { method, error: (error as Error).message });
    throw error;
  }
  const { deploymentId, version } = reply.data;
  await recordDeployment({
    clusterId: cm.clusterId,
    deploymentId,
    version,
    kind: method === "POST" ? "group_create" : "group_update",
    groupId: id,
    target: groupDeployTarget(tree, root),
    method: method === "POST" ? "POST /v2/groups" : `PUT /v2/groups${id}`,
    startedBy: actor.username,
  });
  cm.poller.follow(deploymentId);
  await audit("success", { method, deploymentId, version });
  return { deploymentId, version, groupId: id, method };
}
