"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { addressSchema, nodeNameSchema, portSchema, sshUserSchema, type NodeRole } from "@/lib/nodes/nodeInput";
import type { NodeView } from "@/lib/nodes/nodeView";
import { api, ApiError } from "../apiClient";
import { ErrorBanner } from "../ui/ErrorBanner";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "../ui/Field";
import { formFieldOf, toAuth } from "./connectionForm";
import { HostKeyCard, type HostKeyShown } from "./HostKeyCard";
import { RolePicker } from "./RolePicker";

const schema = z.object({
  name: nodeNameSchema,
  address: addressSchema,
  port: portSchema,
  username: sshUserSchema,
  replaceCredentials: z.boolean(),
  authKind: z.enum(["key", "password"]),
  privateKey: z.string().optional(),
  passphrase: z.string().optional(),
  password: z.string().optional(),
});
type Values = z.input<typeof schema>;

/**
 * Name and role save at once; a new address, port, user or credentials is saved only after the
 * server logged in with them. A new address or port shows its host key for confirmation first.
 */
export function EditNodeForm({ node, onDone }: { node: NodeView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [role, setRole] = useState<NodeRole>(node.role);
  const [pendingKey, setPendingKey] = useState<HostKeyShown | null>(null);
  const [compared, setCompared] = useState(false);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { name: node.name, address: node.address, port: node.port, username: node.username, replaceCredentials: false, authKind: node.authKind },
  });
  const { register, watch, formState, getValues, setError } = form;
  const replace = watch("replaceCredentials");
  const authKind = watch("authKind");

  const save = useMutation({
    mutationFn: async () => {
      const v = getValues();
      const moved = v.address.trim() !== node.address || Number(v.port) !== node.port;
      if (moved && !pendingKey) {
        const { hostKey } = await api<{ hostKey: HostKeyShown }>("/nodes/probe", {
          method: "POST",
          body: { address: v.address.trim(), port: Number(v.port) },
        });
        setPendingKey(hostKey);
        return "confirm-key" as const;
      }
      const body: Record<string, unknown> = {};
      if (v.name !== node.name) body.name = v.name;
      if (role !== node.role) body.role = role;
      if (v.username !== node.username) body.username = v.username;
      if (moved) Object.assign(body, { address: v.address.trim(), port: Number(v.port), hostKeyFingerprint: pendingKey!.fingerprint });
      if (v.replaceCredentials) body.auth = toAuth({ ...v, name: v.name });
      if (Object.keys(body).length === 0) return "saved" as const;
      await api(`/nodes/${node.id}`, { method: "PATCH", body });
      return "saved" as const;
    },
    onSuccess: async (outcome) => {
      if (outcome === "saved") {
        await queryClient.invalidateQueries({ queryKey: ["nodes"] });
        onDone();
      }
    },
    onError: (e) => {
      if (e instanceof ApiError) for (const [path, message] of Object.entries(e.fields)) {
        const field = formFieldOf(path);
        if (field) setError(field as keyof Values, { message });
      }
    },
  });

  return (
    <form onSubmit={form.handleSubmit(() => save.mutate())} className="space-y-4" noValidate>
      <ErrorBanner error={save.error} />
      <div className="grid grid-cols-2 gap-4">
        <Field label="Name" htmlFor="edit-name" error={formState.errors.name?.message}>
          <input id="edit-name" className={inputClass} {...register("name")} />
        </Field>
        <Field label="User" htmlFor="edit-username" error={formState.errors.username?.message}>
          <input id="edit-username" className={inputClass} {...register("username")} />
        </Field>
        <Field label="Address" htmlFor="edit-address" error={formState.errors.address?.message}>
          <input id="edit-address" className={inputClass} {...register("address", { onChange: () => setPendingKey(null) })} />
        </Field>
        <Field label="SSH port" htmlFor="edit-port" error={formState.errors.port?.message}>
          <input id="edit-port" className={inputClass} {...register("port", { onChange: () => setPendingKey(null) })} />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...register("replaceCredentials")} /> Replace the stored credentials
      </label>
      {replace && (
        <div className="space-y-3 rounded-md border border-slate-200 p-3">
          <div className="flex gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" value="key" {...register("authKind")} /> Use a private key
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" value="password" {...register("authKind")} /> Use a password
            </label>
          </div>
          {authKind === "key" ? (
            <>
              <Field label="Private key" htmlFor="edit-privateKey" error={formState.errors.privateKey?.message}>
                <textarea id="edit-privateKey" rows={5} className={`${inputClass} font-mono text-xs`} {...register("privateKey")} />
              </Field>
              <Field label="Passphrase" htmlFor="edit-passphrase" error={formState.errors.passphrase?.message}>
                <input id="edit-passphrase" type="password" className={inputClass} {...register("passphrase")} />
              </Field>
            </>
          ) : (
            <Field label="Password" htmlFor="edit-password" error={formState.errors.password?.message}>
              <input id="edit-password" type="password" className={inputClass} {...register("password")} />
            </Field>
          )}
        </div>
      )}
      <RolePicker value={role} onChange={setRole} />
      {pendingKey && (
        <div className="space-y-2">
          <HostKeyCard hostKey={pendingKey} title="Host key at the new address" />
          {pendingKey.fingerprint !== node.hostKey.fingerprint && (
            <p role="alert" className="text-sm text-amber-800">
              This is not the key pinned for {node.name} ({node.hostKey.fingerprint}). An edit keeps the pinned key: a different machine is
              added as a new node, and only an admin can re-pin a changed key.
            </p>
          )}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={compared} onChange={(e) => setCompared(e.target.checked)} /> I compared it and it matches
          </label>
        </div>
      )}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass} disabled={save.isPending || (!!pendingKey && !compared)}>
          {save.isPending ? "Saving…" : pendingKey ? "Trust key and save" : "Save"}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
