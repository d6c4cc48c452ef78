"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { UserView } from "@/lib/auth/users";
import { api } from "../apiClient";
import { useCurrentUser } from "../Providers";
import { ConfirmButton } from "../ui/ConfirmButton";
import { DataTable } from "../ui/DataTable";
import { ErrorBanner } from "../ui/ErrorBanner";
import { secondaryButtonClass } from "../ui/Field";
import { RelativeTime } from "../ui/RelativeTime";
import { CreateUserForm, SetPasswordForm } from "./userForms";

type UserChange = { role?: Role; disabled?: boolean };

function useUsers() {
  return useQuery({ queryKey: ["users"], queryFn: () => api<{ users: UserView[] }>("/users").then((r) => r.users) });
}

const smallSelectClass = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500";

function StatusBadge({ disabled }: { disabled: boolean }) {
  return disabled ? (
    <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">disabled</span>
  ) : (
    <span className="rounded bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">active</span>
  );
}

function UserRow({ user, isSelf }: { user: UserView; isSelf: boolean }) {
  const queryClient = useQueryClient();
  const [settingPassword, setSettingPassword] = useState(false);
  const [passwordChanged, setPasswordChanged] = useState(false);
  const update = useMutation({
    mutationFn: (change: UserChange) => api<UserView>(`/users/${encodeURIComponent(user.id)}`, { method: "PATCH", body: change }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
  const remove = useMutation({
    mutationFn: () => api(`/users/${encodeURIComponent(user.id)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
  // Show the chosen role while it saves; a refusal falls back to what the server has.
  const shownRole = update.isPending && update.variables.role ? update.variables.role : user.role;
  const error = update.error ?? remove.error;
  const busy = update.isPending || remove.isPending;
  return (
    <>
      <tr className="border-t border-slate-100 align-top text-sm" data-user={user.username}>
        <td className="px-3 py-2 font-medium">
          {user.username}
          {isSelf && <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-normal text-sky-800">you</span>}
        </td>
        <td className="px-3 py-2">
          <select
            aria-label={`Role of ${user.username}`}
            className={smallSelectClass}
            value={shownRole}
            disabled={busy}
            onChange={(e) => update.mutate({ role: e.target.value as Role })}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </td>
        <td className="px-3 py-2">
          <StatusBadge disabled={user.disabled} />
        </td>
        <td className="px-3 py-2 text-slate-600">
          <RelativeTime iso={user.createdAt} />
        </td>
        <td className="space-x-2 whitespace-nowrap px-3 py-2">
          <button className={secondaryButtonClass} disabled={busy} onClick={() => update.mutate({ disabled: !user.disabled })}>
            {user.disabled ? "Enable" : "Disable"}
          </button>
          <button
            className={secondaryButtonClass}
            disabled={busy}
            onClick={() => {
              setPasswordChanged(false);
              setSettingPassword((v) => !v);
            }}
          >
            Set password
          </button>
          <ConfirmButton label="Delete" question={`Delete user ${user.username}?`} onConfirm={() => remove.mutate()} disabled={busy} />
        </td>
      </tr>
      {(error || settingPassword || passwordChanged) && (
        <tr>
          <td colSpan={5} className="space-y-2 px-3 pb-3">
            <ErrorBanner error={error} />
            {passwordChanged && (
              <p role="status" className="text-sm text-emerald-800">
                Password changed for {user.username}.
              </p>
            )}
            {settingPassword && (
              <SetPasswordForm
                user={user}
                isSelf={isSelf}
                onCancel={() => setSettingPassword(false)}
                onDone={() => {
                  setSettingPassword(false);
                  setPasswordChanged(true);
                }}
              />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

function UserTable({ users, loading, me }: { users: UserView[] | undefined; loading: boolean; me: string | undefined }) {
  return (
    <DataTable testId="users-table" columns={["Username", "Role", "Status", "Created", ""].map((label) => ({ label }))} message={loading ? "Loading…" : null}>
      {users?.map((u) => (
        <UserRow key={u.id} user={u} isSelf={u.username === me} />
      ))}
    </DataTable>
  );
}

export function UserAdmin() {
  const users = useUsers();
  const me = useCurrentUser()?.username;
  return (
    <div className="space-y-6">
      <ErrorBanner error={users.error} />
      <UserTable users={users.data} loading={users.isPending} me={me} />
      <CreateUserForm />
    </div>
  );
}
