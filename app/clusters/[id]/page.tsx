import { notFound } from "next/navigation";
import { ClusterHome } from "@/components/clusters/ClusterHome";
import { pagePrincipal } from "@/lib/auth/pagePrincipal";
import { parseClusterId } from "@/lib/cluster/clusterInput";
import { findCluster, toClusterView } from "@/lib/cluster/clusters";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await pagePrincipal();
  const id = parseClusterId((await params).id);
  const cluster = id === null ? null : await findCluster(id);
  if (!cluster) notFound();
  return <ClusterHome cluster={toClusterView(cluster)} />;
}
