import { DeploymentFollowPage } from "@/components/deploy/DeploymentFollowPage";
import { pagePrincipal } from "@/lib/auth/pagePrincipal";

export default async function Page({ params }: { params: Promise<{ id: string; deploymentId: string }> }) {
  await pagePrincipal();
  const { id, deploymentId } = await params;
  return <DeploymentFollowPage clusterId={id} deploymentId={deploymentId} />;
}
