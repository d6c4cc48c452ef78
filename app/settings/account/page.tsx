import { ChangePasswordForm } from "@/components/auth/ChangePasswordForm";
import { pagePrincipal } from "@/lib/auth/pagePrincipal";

export default async function AccountPage() {
  const principal = await pagePrincipal();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Your account</h1>
      <p className="text-sm text-slate-600">
        Signed in as <span className="font-medium">{principal.username}</span> ({principal.role}).
      </p>
      <h2 className="font-semibold">Change password</h2>
      <ChangePasswordForm />
    </div>
  );
}
