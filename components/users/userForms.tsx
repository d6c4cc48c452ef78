"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { passwordSchema } from "@/lib/auth/passwordPolicy";
import { ROLES } from "@/lib/auth/roles";
import { createUserSchema } from "@/lib/auth/userInput";
import type { UserView } from "@/lib/auth/users";
import { api, ApiError } from "../apiClient";
import { ErrorBanner } from "../ui/ErrorBanner";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "../ui/Field";

/** Puts the server's field messages on the inputs they name; false when none fit, so the caller shows a banner. */
function placeFieldErrors<F extends string>(error: unknown, fields: readonly F[], set: (field: F, message: string) => void): boolean {
  if (!(error instanceof ApiError)) return false;
  let placed = false;
  for (const [path, message] of Object.entries(error.fields)) {
    const field = fields.find((f) => f === path);
    if (field) {
      set(field, message);
      placed = true;
    }
  }
  return placed;
}

// The server's own schema, so the form and the API cannot disagree.
const createSchema = createUserSchema;
type CreateValues = z.infer<typeof createSchema>;
const CREATE_FIELDS = ["username", "password", "role"] as const;

export function CreateUserForm() {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);
  // New accounts start with the least they can do; the admin raises it on purpose.
  const { register, handleSubmit, formState, reset, setError: setFieldError } = useForm<CreateValues>({
    resolver: zodResolver(createSchema),
    defaultValues: { username: "", password: "", role: "viewer" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    setCreated(null);
    try {
      const user = await api<UserView>("/users", { method: "POST", body: values });
      reset();
      setCreated(user.username);
      await queryClient.invalidateQueries({ queryKey: ["users"] });
    } catch (e) {
      if (!placeFieldErrors(e, CREATE_FIELDS, (field, message) => setFieldError(field, { message }))) setError(e);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading" className="text-lg font-semibold">
        Add a user
      </h2>
      <ErrorBanner error={error} />
      {created && (
        <p role="status" className="text-sm text-emerald-800">
          Created {created}.
        </p>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field label="Username" htmlFor="new-username" error={formState.errors.username?.message}>
          <input id="new-username" autoComplete="off" className={inputClass} {...register("username")} />
        </Field>
        <Field label="Password" htmlFor="new-password" error={formState.errors.password?.message} hint="At least 12 characters">
          <input id="new-password" type="password" autoComplete="new-password" className={inputClass} {...register("password")} />
        </Field>
        <Field label="Role" htmlFor="new-role" error={formState.errors.role?.message}>
          <select id="new-role" className={inputClass} {...register("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Creating…" : "Create user"}
      </button>
    </form>
  );
}

const passwordFormSchema = z.object({ password: passwordSchema });
type PasswordValues = z.infer<typeof passwordFormSchema>;

export function SetPasswordForm({ user, isSelf, onDone, onCancel }: { user: UserView; isSelf: boolean; onDone: () => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState, setError: setFieldError } = useForm<PasswordValues>({
    resolver: zodResolver(passwordFormSchema),
    defaultValues: { password: "" },
  });
  const inputId = `password-${user.id}`;
  const onSubmit = handleSubmit(async ({ password }) => {
    setError(null);
    try {
      await api<UserView>(`/users/${encodeURIComponent(user.id)}`, { method: "PATCH", body: { password } });
      await queryClient.invalidateQueries({ queryKey: ["users"] });
      onDone();
    } catch (e) {
      if (!placeFieldErrors(e, ["password"] as const, (field, message) => setFieldError(field, { message }))) setError(e);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-2" aria-label={`Set a new password for ${user.username}`}>
      <ErrorBanner error={error} />
      <Field
        label={`New password for ${user.username}`}
        htmlFor={inputId}
        error={formState.errors.password?.message}
        hint={isSelf ? "This signs you out everywhere, including here." : "This signs them out of their open sessions."}
      >
        <input id={inputId} type="password" autoComplete="new-password" autoFocus className={inputClass} {...register("password")} />
      </Field>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save password"}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
