import { redirect } from "next/navigation";
import { pagePrincipal } from "@/lib/auth/pagePrincipal";
import { listClusterIds } from "@/lib/cluster/clusters";

// The page from before clusters: bookmarks keep working, on the first cluster's home.
export default async function Page() {
  await pagePrincipal();
  const [first] = await listClusterIds();
  redirect(first ? `/clusters/${first}` : "/clusters");
}
