"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createContext, useContext, useState, type ReactNode } from "react";
import type { Role } from "@/lib/auth/roles";
import { roleAllows } from "@/lib/auth/roles";
import { setCsrfToken } from "./apiClient";

export interface CurrentUser {
  username: string;
  role: Role;
}

const UserContext = createContext<CurrentUser | null>(null);

export function useCurrentUser(): CurrentUser | null {
  return useContext(UserContext);
}

export function useCan(role: Role): boolean {
  const user = useCurrentUser();
  return !!user && roleAllows(user.role, role);
}

export function Providers({ user, csrfToken, children }: { user: CurrentUser | null; csrfToken: string | null; children: ReactNode }) {
  // Set during render so the first request a child makes already carries it.
  setCsrfToken(csrfToken);
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1 } } }));
  return (
    <UserContext.Provider value={user}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </UserContext.Provider>
  );
}
