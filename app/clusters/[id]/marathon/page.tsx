import { MarathonPage } from "@/components/panels/MarathonPage";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <MarathonPage clusterId={id} />;
}
