import { db } from "../db/client.ts";
import { logger } from "../logger.ts";

export type AuditResult = "success" | "failure" | "denied";

export interface AuditActor {
  userId?: string | null;
  username: string; // "anonymous" before sign-in, "system" for the server itself
  ip?: string | null;
}

export interface AuditInput {
  actor: AuditActor;
  action: string;
  target?: string | null;
  result: AuditResult;
  /** Never put secrets here: detail is shown to admins as is. */
  detail?: Record<string, unknown>;
}

export async function recordAuditEvent(input: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorUserId: input.actor.userId ?? null,
      actor: input.actor.username,
      ip: input.actor.ip ?? null,
      action: input.action,
      target: input.target ?? null,
      result: input.result,
      detail: input.detail ? JSON.stringify(input.detail) : null,
    },
  });
  logger.info({ audit: { actor: input.actor.username, action: input.action, target: input.target, result: input.result } }, "audit");
}

export const SYSTEM_ACTOR: AuditActor = { username: "system" };
