// Enrols test hosts as nodes, as an operator would with the wizard: by default the first one
// master and agent, the others agents (or the roles given), each with its host key pinned up front. Through the API, or in-process
// through the service (for tests that run the job runner themselves).
import type { ClusterHost } from "./clusterHosts";
import type { TestClient } from "./httpClient";

export type NodeRole = "master" | "agent" | "both";

const defaultRole = (i: number): NodeRole => (i === 0 ? "both" : "agent");

async function nodeInput(h: ClusterHost, role: NodeRole) {
  return {
    name: h.hostname,
    address: h.address,
    port: h.port,
    username: "root",
    auth: { kind: "key" as const, privateKey: h.root.privateKey },
    role,
    hostKeyFingerprint: await h.hostKeyFingerprint(),
  };
}

/** In-process: `createNode` is passed in because tests import it only after pointing the database at their own file. */
export async function enrolHostsDirect<A>(
  createNode: (input: Awaited<ReturnType<typeof nodeInput>>, actor: A) => Promise<{ id: string }>,
  hosts: ClusterHost[],
  actor: A,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [i, h] of hosts.entries()) ids[h.hostname] = (await createNode(await nodeInput(h, defaultRole(i)), actor)).id;
  return ids;
}

export async function enrolHosts(admin: TestClient, hosts: ClusterHost[], path = "/api/v1/nodes", roles?: NodeRole[]): Promise<void> {
  for (const [i, h] of hosts.entries()) {
    const res = await admin.call("POST", path, { body: await nodeInput(h, roles?.[i] ?? defaultRole(i)) });
    if (res.status !== 201) throw new Error(`adding ${h.hostname}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
  }
}
