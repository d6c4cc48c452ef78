"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { api } from "./apiClient";
import { ClusterSwitcher } from "./clusters/ClusterSwitcher";
import { useCan, useCurrentUser } from "./Providers";

export function NavBar() {
  const user = useCurrentUser();
  const isAdmin = useCan("admin");
  const pathname = usePathname();
  if (!user) return null;
  const links = [
    { href: "/nodes", label: "Nodes" },
    { href: "/clusters", label: "Clusters" },
    { href: "/runs", label: "Runs" },
    { href: "/settings/tokens", label: "API tokens" },
    ...(isAdmin ? [{ href: "/admin/users", label: "Users" }, { href: "/admin/audit", label: "Audit log" }] : []),
  ];
  async function logout() {
    await api("/auth/logout", { method: "POST" }).catch(() => undefined);
    window.location.assign("/login");
  }
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
        <Link href="/nodes" className="text-lg font-semibold text-slate-900">
          Armdeck
        </Link>
        {links.map((l) => (
          <Link key={l.href} href={l.href} className={`text-sm ${pathname === l.href || pathname.startsWith(`${l.href}/`) ? "font-semibold text-slate-900" : "text-slate-600 hover:text-slate-900"}`}>
            {l.label}
          </Link>
        ))}
        <ClusterSwitcher />
        <Link href="/settings/account" className="ml-auto text-sm text-slate-600 hover:text-slate-900" data-testid="current-user" title="Your account">
          {user.username} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{user.role}</span>
        </Link>
        <button onClick={logout} className="text-sm text-slate-600 hover:text-slate-900">
          Sign out
        </button>
      </nav>
    </header>
  );
}
