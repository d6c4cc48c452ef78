import { Suspense } from "react";
import { RunsHistory } from "@/components/runs/RunsHistory";

export default function Page() {
  // RunsHistory reads its filters from the address.
  return (
    <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
      <RunsHistory />
    </Suspense>
  );
}
