import { db } from "../db/client.ts";
import type { AuditQuery } from "./auditQuery.ts";

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
