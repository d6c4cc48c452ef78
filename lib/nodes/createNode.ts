import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { db } from "../db/client.ts";
import { publish, ROOMS } from "../realtime/publish.ts";
import { reloadPollerFor } from "../upstream/pollers.ts";
import { fetchHostKey } from "../ssh/openConnection.ts";
import { getCluster, resolveClusterId } from "../cluster/clusters.ts";
import { ConflictError } from "../errors.ts";
import { assertNodeNameFree } from "./assertNodeNameFree.ts";
import { DuplicateNodeError } from "./duplicateNodeError.ts";
import { findSameMachineNodes } from "./findSameMachineNodes.ts";
import { gatherFacts } from "./gatherFacts.ts";
import { sealCredentials } from "./nodeCredentials.ts";
import type { CreateNodeInput } from "./nodeInput.ts";
import { toNodeView, type NodeView } from "./nodeView.ts";
import { toCredentials } from "./validateCredentials.ts";

/** Saves a node only after a real login with the confirmed key pinned has read its facts. */
export async function createNode(input: CreateNodeInput, actor: AuditActor): Promise<NodeView> {
  try {
    const cluster = await getCluster(await resolveClusterId(input.clusterId));
    if (cluster.kind !== "provisioned") throw new ConflictError(`Cluster ${cluster.name} is adopted: Armdeck does not manage its machines`);
    await assertNodeNameFree(input.name);
    const credentials = toCredentials(input.auth);
    // The same machine twice would get every step run on it twice, racing itself.
    if (!input.allowDuplicate) {
      const same = await findSameMachineNodes(input);
      if (same.length) throw new DuplicateNodeError(same);
    }
    const facts = await gatherFacts(input, credentials, input.hostKeyFingerprint);
    // The login above proved the pinned fingerprint; this second read only fills in type and bits.
    const key = await fetchHostKey(input);
    const now = new Date();
    const node = await db.node.create({
      data: {
        clusterId: cluster.id,
        name: input.name,
        address: input.address,
        port: input.port,
        username: input.username,
        authKind: credentials.kind,
        secretCipher: sealCredentials(credentials),
        hostKeyType: key.fingerprint === input.hostKeyFingerprint ? key.type : "unknown",
        hostKeyBits: key.fingerprint === input.hostKeyFingerprint ? key.bits : null,
        hostKeyFingerprint: input.hostKeyFingerprint,
        role: input.role,
        facts: JSON.stringify(facts),
        factsGatheredAt: now,
        reachable: true,
        lastCheckedAt: now,
      },
    });
    await recordAuditEvent({ actor, action: "node.create", target: node.name, result: "success", detail: { id: node.id, clusterId: cluster.id, address: node.address, role: node.role, arch: facts.arch } });
    publish(ROOMS.nodes, "node:changed", { id: node.id });
    // A provisioned cluster's endpoints are its master nodes: its poller starts over with them.
    await reloadPollerFor(String(cluster.id));
    return toNodeView(node);
  } catch (error) {
    await recordAuditEvent({ actor, action: "node.create", target: input.name, result: "failure", detail: { error: (error as Error).message } });
    throw error;
  }
}
