import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NavBar } from "@/components/NavBar";
import { Providers } from "@/components/Providers";
import { optionalPagePrincipal } from "@/lib/auth/pagePrincipal";
import "./globals.css";

export const metadata: Metadata = { title: "Armdeck", description: "Mesos + Marathon + ZooKeeper + Weave Net control plane" };
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const principal = await optionalPagePrincipal();
  const user = principal ? { username: principal.username, role: principal.role } : null;
  const csrfToken = principal?.via === "session" ? principal.csrfToken : null;
  return (
    <html lang="en">
      <body>
        <Providers user={user} csrfToken={csrfToken}>
          <NavBar />
          <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
