import type { NodeView } from "@/lib/nodes/nodeView";

export function ReachabilityBadge({ node }: { node: NodeView }) {
  if (node.lastErrorKind === "host_key_changed") {
    return <span className="rounded bg-red-700 px-2 py-0.5 text-xs font-semibold text-white">host key changed</span>;
  }
  if (node.reachable === true) return <span className="rounded bg-emerald-100 px-2 py-0.5 text-xs text-emerald-800">reachable</span>;
  if (node.reachable === false) {
    return (
      <span className="rounded bg-red-100 px-2 py-0.5 text-xs text-red-800" title={node.lastError ?? undefined}>
        unreachable
      </span>
    );
  }
  return <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">unknown</span>;
}
