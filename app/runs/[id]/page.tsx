import { Suspense } from "react";
import { PlanRunView } from "@/components/runs/PlanRunView";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // PlanRunView reads ?job= from the address.
  return (
    <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
      <PlanRunView id={id} />
    </Suspense>
  );
}
