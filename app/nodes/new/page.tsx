import { AddNodeWizard } from "@/components/nodes/AddNodeWizard";
import { pagePrincipal, pageRoleAllows } from "@/lib/auth/pagePrincipal";
import { clusterQuerySchema } from "@/lib/cluster/clusterInput";

/** `?cluster=<id>` preselects the cluster (the cluster home links here with it); a bad one is ignored. */
export default async function NewNodePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await pagePrincipal();
  const query = clusterQuerySchema.safeParse(await searchParams);
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Add a node</h1>
      {pageRoleAllows(principal, "operator") ? (
        <AddNodeWizard initialClusterId={query.success ? query.data.cluster : undefined} />
      ) : (
        <p role="alert" className="text-sm text-slate-700">
          Your role ({principal.role}) can look but not change: ask an operator or admin to add nodes.
        </p>
      )}
    </div>
  );
}
