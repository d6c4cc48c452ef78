import { z } from "zod";
import { passwordSchema, usernameSchema } from "./passwordPolicy.ts";
import { ROLES } from "./roles.ts";

// Client-safe: what an admin may send to create or change a user.

export const createUserSchema = z.object({ username: usernameSchema, password: passwordSchema, role: z.enum(ROLES) });

export const updateUserSchema = z
  .object({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional(), password: passwordSchema.optional() })
  .strict();
