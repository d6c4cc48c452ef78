import { z } from "zod";

// Client-safe: the setup and user forms validate with the same rule the server applies.
export const passwordSchema = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(256, "Use at most 256 characters");

export const usernameSchema = z
  .string()
  .trim()
  .min(1, "Required")
  .max(64, "At most 64 characters")
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/, "Letters, digits, dot, dash and underscore only");
