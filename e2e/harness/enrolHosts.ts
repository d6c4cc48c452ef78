// Enrols test hosts as nodes through the API, as an operator would with the wizard: the first
// one master and agent, the others agents, each with its host key pinned up front.
import type { ClusterHost } from "./clusterHosts";
import type { TestClient } from "./httpClient";

export async function enrolHosts(admin: TestClient, hosts: ClusterHost[], path = "/api/v1/nodes"): Promise<void> {
  for (const [i, h] of hosts.entries()) {
    const res = await admin.call("POST", path, {
      body: {
        name: h.hostname,
        address: h.address,
        port: h.port,
        username: "root",
        auth: { kind: "key", privateKey: h.root.privateKey },
        role: i === 0 ? "both" : "agent",
        hostKeyFingerprint: await h.hostKeyFingerprint(),
      },
    });
    if (res.status !== 201) throw new Error(`adding ${h.hostname}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
  }
}
