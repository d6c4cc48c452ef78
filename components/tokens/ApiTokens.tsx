"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { ApiTokenView } from "@/lib/auth/apiTokens";
import { createTokenSchema } from "@/lib/auth/tokenInput";
import { api, ApiError } from "../apiClient";
import { ConfirmButton } from "../ui/ConfirmButton";
import { DataTable } from "../ui/DataTable";
import { ErrorBanner } from "../ui/ErrorBanner";
import { buttonClass, Field, inputClass } from "../ui/Field";
import { RelativeTime } from "../ui/RelativeTime";
import { NewTokenBox, type NewToken } from "./NewTokenBox";

function useTokens() {
  return useQuery({ queryKey: ["tokens"], queryFn: () => api<{ tokens: ApiTokenView[] }>("/tokens").then((r) => r.tokens) });
}

const createSchema = createTokenSchema;
type CreateValues = z.infer<typeof createSchema>;

function CreateTokenForm({ onCreated }: { onCreated: (created: NewToken) => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState, reset, setError: setFieldError } = useForm<CreateValues>({
    resolver: zodResolver(createSchema),
    defaultValues: { name: "" },
  });
  const onSubmit = handleSubmit(async ({ name }) => {
    setError(null);
    try {
      const created = await api<ApiTokenView & { token: string }>("/tokens", { method: "POST", body: { name } });
      reset();
      onCreated({ name: created.name, token: created.token });
      await queryClient.invalidateQueries({ queryKey: ["tokens"] });
    } catch (e) {
      if (e instanceof ApiError && e.fields.name) setFieldError("name", { message: e.fields.name });
      else setError(e);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="create-token-heading">
      <h2 id="create-token-heading" className="text-lg font-semibold">
        Create a token
      </h2>
      <ErrorBanner error={error} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <Field label="Name" htmlFor="token-name" error={formState.errors.name?.message} hint="What will use it, e.g. “ci-deploy”">
            <input id="token-name" autoComplete="off" className={inputClass} {...register("name")} />
          </Field>
        </div>
        <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Creating…" : "Create token"}
        </button>
      </div>
    </form>
  );
}

function TokenRow({ token }: { token: ApiTokenView }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => api<ApiTokenView>(`/tokens/${encodeURIComponent(token.id)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["tokens"] }),
  });
  const revoked = token.revokedAt !== null;
  return (
    <tr className={`border-t border-slate-100 align-top text-sm ${revoked ? "text-slate-400" : ""}`} data-token={token.name}>
      <td className="px-3 py-2 font-medium">{token.name}</td>
      <td className="px-3 py-2 font-mono text-xs">{token.prefix}…</td>
      <td className="px-3 py-2">
        <RelativeTime iso={token.createdAt} />
      </td>
      <td className="px-3 py-2">
        <RelativeTime iso={token.lastUsedAt} />
      </td>
      <td className="px-3 py-2">
        {revoked ? (
          <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">
            revoked <RelativeTime iso={token.revokedAt} />
          </span>
        ) : (
          <span className="rounded bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">active</span>
        )}
      </td>
      <td className="whitespace-nowrap px-3 py-2">
        {!revoked && <ConfirmButton label="Revoke" question={`Revoke ${token.name}? Anything using it stops working.`} onConfirm={() => revoke.mutate()} disabled={revoke.isPending} />}
        {revoke.error && <ErrorBanner error={revoke.error} />}
      </td>
    </tr>
  );
}

function TokenTable({ tokens, loading }: { tokens: ApiTokenView[] | undefined; loading: boolean }) {
  const message = loading ? "Loading…" : tokens?.length === 0 ? "No tokens yet." : null;
  return (
    <DataTable testId="tokens-table" columns={["Name", "Token", "Created", "Last used", "Status", ""].map((label) => ({ label }))} message={message}>
      {tokens?.map((t) => (
        <TokenRow key={t.id} token={t} />
      ))}
    </DataTable>
  );
}

export function ApiTokens() {
  const tokens = useTokens();
  // Held only in this component's memory: the server never returns the token again.
  const [created, setCreated] = useState<NewToken | null>(null);
  return (
    <div className="space-y-6">
      {created && <NewTokenBox created={created} onDismiss={() => setCreated(null)} />}
      <CreateTokenForm onCreated={setCreated} />
      <ErrorBanner error={tokens.error} />
      <TokenTable tokens={tokens.data} loading={tokens.isPending} />
    </div>
  );
}
