import { z } from "zod";

// Client-safe: what creating an API token takes.
export const createTokenSchema = z.object({ name: z.string().trim().min(1, "Required").max(64, "At most 64 characters") });
