// For specs that need a cluster of their own: a fresh server and cluster hosts, the nodes added
// through the API (the first node master and agent, the others agents), so the shared server's
// nodes never change the cluster's shape.
import { startAppServer, type AppServer } from "../harness/appServer";
import { startCluster, type ClusterHost, type ClusterHostSpec } from "../harness/clusterHosts";
import { enrolHosts } from "../harness/enrolHosts";
import { TestClient } from "../harness/httpClient";

export async function startServerWithCluster(specs: ClusterHostSpec[]): Promise<{ server: AppServer; hosts: ClusterHost[] }> {
  const [server, hosts] = await Promise.all([startAppServer(), startCluster(specs)]);
  const admin = new TestClient(server.url);
  await admin.login("admin", server.adminPassword);
  await enrolHosts(admin, hosts);
  return { server, hosts };
}
