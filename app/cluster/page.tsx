import { ClusterPage } from "@/components/cluster/ClusterPage";

export default function Page() {
  return <ClusterPage />;
}
