import { z } from "zod";

// Client-safe: what starting a preflight or verify run may say.
export const probeRunRequestSchema = z.object({
  nodeIds: z.array(z.string().regex(/^[a-z0-9]+$/i, "A node id")).max(500).optional(),
});
export const probeRunIdSchema = z.string().regex(/^[a-z0-9]{1,40}$/i, "A run id");
