"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { passwordSchema } from "@/lib/auth/passwordPolicy";
import { api, ApiError } from "../apiClient";
import { ErrorBanner } from "../ui/ErrorBanner";
import { buttonClass, Field, inputClass } from "../ui/Field";

const schema = z
  .object({ currentPassword: z.string().min(1, "Required"), newPassword: passwordSchema, confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { message: "The passwords differ", path: ["confirm"] });
type Values = z.infer<typeof schema>;

export function ChangePasswordForm() {
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const form = useForm<Values>({ resolver: zodResolver(schema) });
  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setError(null);
    setDone(false);
    try {
      await api("/auth/password", { method: "POST", body: { currentPassword, newPassword } });
      form.reset();
      setDone(true);
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length) {
        for (const [k, m] of Object.entries(e.fields)) form.setError(k as keyof Values, { message: m });
      } else setError(e);
    }
  });
  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-4" noValidate>
      <ErrorBanner error={error} />
      <Field label="Current password" htmlFor="currentPassword" error={form.formState.errors.currentPassword?.message}>
        <input id="currentPassword" type="password" autoComplete="current-password" className={inputClass} {...form.register("currentPassword")} />
      </Field>
      <Field label="New password" htmlFor="newPassword" error={form.formState.errors.newPassword?.message} hint="At least 12 characters">
        <input id="newPassword" type="password" autoComplete="new-password" className={inputClass} {...form.register("newPassword")} />
      </Field>
      <Field label="Repeat the new password" htmlFor="confirm" error={form.formState.errors.confirm?.message}>
        <input id="confirm" type="password" autoComplete="new-password" className={inputClass} {...form.register("confirm")} />
      </Field>
      <button type="submit" className={buttonClass} disabled={form.formState.isSubmitting}>
        Change password
      </button>
      {done && (
        <p role="status" className="text-sm text-emerald-700">
          Password changed. Your other sessions were signed out.
        </p>
      )}
    </form>
  );
}
