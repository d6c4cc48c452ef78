// Enrols test hosts as nodes, as an operator would with the wizard: the first one master and
// agent, the others agents, each with its host key pinned up front. Through the API, or in-process
// through the service (for tests that run the job runner themselves).
import type { ClusterHost } from "./clusterHosts";
import type { TestClient } from "./httpClient";

async function nodeInput(h: ClusterHost, i: number) {
  return {
    name: h.hostname,
    address: h.address,
    port: h.port,
    username: "root",
    auth: { kind: "key" as const, privateKey: h.root.privateKey },
    role: i === 0 ? ("both" as const) : ("agent" as const),
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
  for (const [i, h] of hosts.entries()) ids[h.hostname] = (await createNode(await nodeInput(h, i), actor)).id;
  return ids;
}

export async function enrolHosts(admin: TestClient, hosts: ClusterHost[], path = "/api/v1/nodes"): Promise<void> {
  for (const [i, h] of hosts.entries()) {
    const res = await admin.call("POST", path, { body: await nodeInput(h, i) });
    if (res.status !== 201) throw new Error(`adding ${h.hostname}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
  }
}
