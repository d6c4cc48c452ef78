import { AddNodeWizard } from "@/components/nodes/AddNodeWizard";
import { pagePrincipal, pageRoleAllows } from "@/lib/auth/pagePrincipal";

export default async function NewNodePage() {
  const principal = await pagePrincipal();
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Add a node</h1>
      {pageRoleAllows(principal, "operator") ? (
        <AddNodeWizard />
      ) : (
        <p role="alert" className="text-sm text-slate-700">
          Your role ({principal.role}) can look but not change: ask an operator or admin to add nodes.
        </p>
      )}
    </div>
  );
}
