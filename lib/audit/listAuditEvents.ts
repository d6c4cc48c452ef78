import { z } from "zod";
import { db } from "../db/client.ts";

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

export interface AuditEventView {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  ip: string | null;
  result: string;
  detail: Record<string, unknown> | null;
}

export async function listAuditEvents(q: AuditQuery): Promise<{ events: AuditEventView[]; nextBefore: number | null }> {
  const rows = await db.auditEvent.findMany({
    where: {
      actor: q.actor || undefined,
      // "node." finds every node action; a full name finds one.
      action: q.action ? { startsWith: q.action } : undefined,
      target: q.target ? { contains: q.target } : undefined,
      result: q.result,
      at: q.since || q.until ? { gte: q.since, lte: q.until } : undefined,
      id: q.before ? { lt: q.before } : undefined,
    },
    orderBy: { id: "desc" },
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    events: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action,
      target: r.target,
      ip: r.ip,
      result: r.result,
      detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    })),
    nextBefore: rows.length > q.limit ? page[page.length - 1]!.id : null,
  };
}
