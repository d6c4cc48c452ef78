import Link from "next/link";
import { SetupForm } from "@/components/auth/SetupForm";
import { setupTokenIsValid } from "@/lib/auth/setupToken";

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const valid = token ? await setupTokenIsValid(token) : false;
  return (
    <div className="mx-auto mt-16 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-xl font-semibold">Set up Armdeck</h1>
      {valid && token ? (
        <>
          <p className="mb-6 text-sm text-slate-600">Create the first admin account. This link works once.</p>
          <SetupForm token={token} />
        </>
      ) : (
        <p className="text-sm text-slate-700" role="alert">
          This setup link is invalid, used or expired, or Armdeck already has users. Restart Armdeck to print a new link while no user
          exists, or set <code>ARMDECK_ADMIN_PASSWORD</code>. <Link href="/login" className="text-sky-700 underline">Sign in</Link>
        </p>
      )}
    </div>
  );
}
