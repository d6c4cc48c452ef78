import { DeployPage } from "@/components/deploy/DeployPage";
import { pagePrincipal } from "@/lib/auth/pagePrincipal";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await pagePrincipal();
  const { id } = await params;
  return <DeployPage clusterId={id} />;
}
