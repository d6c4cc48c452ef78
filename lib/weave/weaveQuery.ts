import { z } from "zod";

// Client-safe: how fresh a Weave reply must be. Without it the routes answer the poller's cache at
// once (refreshing in the background); with it they wait for a reading at most that old, still
// one shared read within the poller's backoff (a "Read now" button, a test after a change).
export const weaveQuerySchema = z.object({
  maxAgeS: z.coerce.number().int().min(1).max(3600).optional(),
});
export type WeaveQuery = z.infer<typeof weaveQuerySchema>;
