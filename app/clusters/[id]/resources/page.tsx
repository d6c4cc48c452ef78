import { ResourcesPage } from "@/components/panels/ResourcesPage";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ResourcesPage clusterId={id} />;
}
