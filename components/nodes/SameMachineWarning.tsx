import Link from "next/link";
import type { SameMachineNode } from "@/lib/nodes/sameMachine";

/** Step 2 of the wizard: the machine is already a node; going on takes an explicit yes. */
export function SameMachineWarning({ nodes, confirmed, onConfirm }: { nodes: SameMachineNode[]; confirmed: boolean; onConfirm: (v: boolean) => void }) {
  return (
    <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="same-machine">
      <p className="font-semibold">This machine is already enrolled</p>
      <ul className="list-disc pl-5">
        {nodes.map((n) => (
          <li key={n.id}>
            <Link href={`/nodes/${n.id}`} className="font-medium text-sky-800 underline">
              {n.name}
            </Link>{" "}
            ({[n.sameHostKey && "same host key", n.sameAddress && `same address ${n.address}:${n.port}`].filter(Boolean).join(", ")})
          </li>
        ))}
      </ul>
      <p>Two nodes on one machine get every step run on it twice, at the same time. Add it again only if you mean it (for example as another user).</p>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} /> Add this machine again anyway
      </label>
    </div>
  );
}
