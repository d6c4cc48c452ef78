// For specs that need a cluster of their own: a fresh server and cluster hosts, the nodes added
// through the API (the first node master and agent, the others agents), so the shared server's
// nodes never change the cluster's shape.
import { expect } from "@playwright/test";
import { startAppServer, type AppServer } from "../harness/appServer";
import { startCluster, type ClusterHost, type ClusterHostSpec } from "../harness/clusterHosts";
import { TestClient } from "../harness/httpClient";

export async function startServerWithCluster(specs: ClusterHostSpec[]): Promise<{ server: AppServer; hosts: ClusterHost[] }> {
  const [server, hosts] = await Promise.all([startAppServer(), startCluster(specs)]);
  const admin = new TestClient(server.url);
  await admin.login("admin", server.adminPassword);
  for (const [i, h] of hosts.entries()) {
    const res = await admin.call("POST", "/api/v1/nodes", {
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
    expect(res.status).toBe(201);
  }
  return { server, hosts };
}
