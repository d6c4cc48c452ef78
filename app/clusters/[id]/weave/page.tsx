import { WeavePage } from "@/components/weave/WeavePage";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <WeavePage clusterId={id} />;
}
