import { Suspense } from "react";
import { NodeInventory } from "@/components/nodes/NodeInventory";

export default function NodesPage() {
  // The inventory reads its cluster filter from the address.
  return (
    <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
      <NodeInventory />
    </Suspense>
  );
}
