import { ApiTokens } from "@/components/tokens/ApiTokens";
import { pagePrincipal } from "@/lib/auth/pagePrincipal";

export default async function TokensPage() {
  const principal = await pagePrincipal();
  return (
    <div>
      <h1 className="mb-1 text-2xl font-semibold">API tokens</h1>
      <p className="mb-4 text-sm text-slate-600">
        A token acts as you, with your role ({principal.role}), for scripts and CI calling the API. Revoke it when it is no longer needed.
      </p>
      <ApiTokens />
    </div>
  );
}
