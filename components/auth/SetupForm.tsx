"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { passwordSchema, usernameSchema } from "@/lib/auth/passwordPolicy";
import { api } from "../apiClient";
import { buttonClass, Field, inputClass } from "../ui/Field";
import { ErrorBanner } from "../ui/ErrorBanner";

const schema = z
  .object({ username: usernameSchema, password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "The passwords differ", path: ["confirm"] });
type Values = z.infer<typeof schema>;

export function SetupForm({ token }: { token: string }) {
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { username: "admin" } });
  const onSubmit = handleSubmit(async ({ username, password }) => {
    setError(null);
    try {
      await api("/auth/setup", { method: "POST", body: { token, username, password } });
      window.location.assign("/nodes");
    } catch (e) {
      setError(e);
    }
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <ErrorBanner error={error} />
      <Field label="Admin username" htmlFor="username" error={formState.errors.username?.message}>
        <input id="username" className={inputClass} {...register("username")} />
      </Field>
      <Field label="Password" htmlFor="password" error={formState.errors.password?.message} hint="At least 12 characters">
        <input id="password" type="password" autoComplete="new-password" className={inputClass} {...register("password")} />
      </Field>
      <Field label="Repeat password" htmlFor="confirm" error={formState.errors.confirm?.message}>
        <input id="confirm" type="password" autoComplete="new-password" className={inputClass} {...register("confirm")} />
      </Field>
      <button type="submit" className={`${buttonClass} w-full`} disabled={formState.isSubmitting}>
        Create admin and sign in
      </button>
    </form>
  );
}
