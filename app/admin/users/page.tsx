import { UserAdmin } from "@/components/users/UserAdmin";
import { pagePrincipal, pageRoleAllows } from "@/lib/auth/pagePrincipal";

export default async function UsersPage() {
  const principal = await pagePrincipal();
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Users</h1>
      {pageRoleAllows(principal, "admin") ? (
        <UserAdmin />
      ) : (
        <p role="alert" className="text-sm text-slate-700">
          Your role ({principal.role}) cannot manage users: ask an admin to add, change or remove accounts.
        </p>
      )}
    </div>
  );
}
