import { NodeInventory } from "@/components/nodes/NodeInventory";

export default function NodesPage() {
  return <NodeInventory />;
}
