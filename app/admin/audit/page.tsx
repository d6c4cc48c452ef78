import { Suspense } from "react";
import { AuditLog } from "@/components/audit/AuditLog";
import { pagePrincipal, pageRoleAllows } from "@/lib/auth/pagePrincipal";

export default async function AuditPage() {
  const principal = await pagePrincipal();
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Audit log</h1>
      {pageRoleAllows(principal, "admin") ? (
        // useSearchParams bails out to client rendering up to the nearest boundary; keep that boundary here, not at the root.
        <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
          <AuditLog />
        </Suspense>
      ) : (
        <p role="alert" className="text-sm text-slate-700">
          Your role ({principal.role}) cannot read the audit log: only an admin can.
        </p>
      )}
    </div>
  );
}
