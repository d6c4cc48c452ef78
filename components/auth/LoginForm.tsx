"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { loginSchema } from "@/lib/auth/authInput";
import { safeNextPath } from "@/lib/auth/safeNextPath";
import { api, ApiError } from "../apiClient";
import { buttonClass, Field, inputClass } from "../ui/Field";
import { ErrorBanner } from "../ui/ErrorBanner";

type Values = z.infer<typeof loginSchema>;

export function LoginForm({ next }: { next: string | null }) {
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(loginSchema) });
  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    try {
      await api("/auth/login", { method: "POST", body: values });
      // A full load so the layout renders with the new session and its CSRF token.
      // Only a path on this origin is followed, so a crafted ?next= cannot send a user away.
      window.location.assign(safeNextPath(next, window.location.origin));
    } catch (e) {
      setError(e instanceof ApiError ? e : new Error("Sign-in failed"));
    }
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <ErrorBanner error={error} />
      <Field label="Username" htmlFor="username" error={formState.errors.username?.message}>
        <input id="username" autoComplete="username" className={inputClass} {...register("username")} />
      </Field>
      <Field label="Password" htmlFor="password" error={formState.errors.password?.message}>
        <input id="password" type="password" autoComplete="current-password" className={inputClass} {...register("password")} />
      </Field>
      <button type="submit" className={`${buttonClass} w-full`} disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
