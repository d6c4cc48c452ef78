import { z } from "zod";

// Client-safe: the audit log's filters, from a query string.
export const auditQuerySchema = z.object({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  target: z.string().trim().max(256).optional(),
  result: z.enum(["success", "failure", "denied"]).optional(),
  since: z.coerce.date().optional(),
  until: z.coerce.date().optional(),
  /** Keyset paging: events with an id below this one. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
