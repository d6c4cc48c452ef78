import { ClusterList } from "@/components/clusters/ClusterList";

export default function Page() {
  return <ClusterList />;
}
