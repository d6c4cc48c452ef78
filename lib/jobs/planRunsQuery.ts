import { z } from "zod";

// Client-safe: the runs history's paging, from a query string.
export const planRunsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(30) });
