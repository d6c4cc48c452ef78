import { LoginForm } from "@/components/auth/LoginForm";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <div className="mx-auto mt-16 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-xl font-semibold">Sign in to Armdeck</h1>
      <p className="mb-6 text-sm text-slate-600">Cluster control plane for Mesos, Marathon, ZooKeeper and Weave Net.</p>
      <LoginForm next={next ?? null} />
    </div>
  );
}
