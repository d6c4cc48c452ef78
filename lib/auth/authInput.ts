import { z } from "zod";
import { passwordSchema, usernameSchema } from "./passwordPolicy.ts";

// Client-safe: what the sign-in, first-run setup and own-password routes accept.

export const loginSchema = z.object({
  username: z.string().trim().min(1, "Required").max(64, "At most 64 characters"),
  password: z.string().min(1, "Required").max(256, "At most 256 characters"),
});

export const setupSchema = z.object({
  token: z.string().min(1, "The setup link is incomplete").max(128),
  username: usernameSchema,
  password: passwordSchema,
});

export const changePasswordSchema = z.object({ currentPassword: z.string().min(1, "Required").max(256), newPassword: passwordSchema });
