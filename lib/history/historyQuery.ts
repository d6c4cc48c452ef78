import { z } from "zod";

// Client-safe: GET /api/v1/clusters/{id}/history's query string.
export const historyQuerySchema = z.object({
  /** A Mesos agent id; omitted = the cluster's total. */
  agent: z.string().trim().min(1).max(255).optional(),
  /** How far back, in hours (the history keeps 24). */
  hours: z.coerce.number().int().min(1).max(24).default(24),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export interface HistoryPoint {
  /** The bucket's start, ms since the epoch. */
  t: number;
  cpusUsed: number;
  cpusTotal: number;
  memUsedMb: number;
  memTotalMb: number;
}

export interface HistoryReply {
  bucketMs: number;
  series: HistoryPoint[];
}
