// Marathon's /v2/events stream (Jetty EventSourceServlet framing: `event: <type>\r\n`,
// `data: <json>\r\n`, `\r\n`; a bare `\r\n` heartbeat every 10 s; notes §8, audit §1.8). The SSE
// framing is eventsource-parser's job; this module types what comes out. Event JSON differs from
// Marathon's own event-bus.md samples (audit §1.8 "trap"): these schemas follow the code.

import { createParser } from "eventsource-parser";
import { z } from "zod";
import { deploymentStepSchema, marathonGroupSchema } from "./marathonSchemas.ts";

const str = z.string().nullish();
const base = { timestamp: str };

const planSchema = z.object({
  id: z.string(),
  version: str,
  steps: z.array(deploymentStepSchema).default([]),
  // Whole root groups on 1.5.1 (no light plans before 1.5.9): kept loose, they can be huge.
  original: marathonGroupSchema.nullish(),
  target: marathonGroupSchema.nullish(),
});

const ipAddresses = z.array(z.object({ ipAddress: z.string(), protocol: str })).nullish();

export const marathonEventSchema = z.discriminatedUnion("eventType", [
  z.object({ ...base, eventType: z.literal("event_stream_attached"), remoteAddress: str }),
  z.object({ ...base, eventType: z.literal("event_stream_detached"), remoteAddress: str }),
  z.object({ ...base, eventType: z.literal("deployment_info"), plan: planSchema, currentStep: deploymentStepSchema.nullish() }),
  z.object({ ...base, eventType: z.literal("deployment_step_success"), plan: planSchema, currentStep: deploymentStepSchema.nullish() }),
  z.object({ ...base, eventType: z.literal("deployment_step_failure"), plan: planSchema, currentStep: deploymentStepSchema.nullish() }),
  z.object({ ...base, eventType: z.literal("deployment_success"), id: z.string(), plan: planSchema.nullish() }),
  z.object({ ...base, eventType: z.literal("deployment_failed"), id: z.string(), plan: planSchema.nullish(), reason: str }),
  z.object({ ...base, eventType: z.literal("group_change_success"), groupId: z.string(), version: str }),
  z.object({ ...base, eventType: z.literal("group_change_failed"), groupId: z.string(), version: str, reason: str }),
  z.object({
    ...base,
    eventType: z.literal("status_update_event"),
    slaveId: str,
    taskId: z.string(),
    taskStatus: z.string(),
    message: str,
    appId: z.string(),
    host: str,
    ipAddresses,
    ports: z.array(z.number()).nullish(),
    version: str,
  }),
  z.object({ ...base, eventType: z.literal("instance_changed_event"), instanceId: z.string(), condition: z.string(), runSpecId: z.string(), agentId: str, host: str, runSpecVersion: str }),
  z.object({ ...base, eventType: z.literal("instance_health_changed_event"), instanceId: z.string(), runSpecId: z.string(), healthy: z.boolean().nullish(), runSpecVersion: str }),
  z.object({ ...base, eventType: z.literal("app_terminated_event"), appId: z.string() }),
]);
export type KnownMarathonEvent = z.output<typeof marathonEventSchema>;

/** Events Armdeck does not model (health-check, scheduler, pod, framework-message events...) keep their type and raw JSON. */
export interface OtherMarathonEvent {
  eventType: "other";
  type: string;
  raw: unknown;
}
export interface UnreadableMarathonEvent {
  eventType: "unreadable";
  type: string;
  error: string;
}
export type MarathonEvent = KnownMarathonEvent | OtherMarathonEvent | UnreadableMarathonEvent;

const KNOWN = new Set<string>(marathonEventSchema.options.map((o) => o.shape.eventType.value));

export function readMarathonEvent(type: string, data: string): MarathonEvent {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { eventType: "unreadable", type, error: "data is not JSON" };
  }
  const eventType = (json as { eventType?: unknown })?.eventType ?? type;
  if (typeof eventType !== "string" || !KNOWN.has(eventType)) return { eventType: "other", type: String(eventType), raw: json };
  const parsed = marathonEventSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { eventType: "unreadable", type: eventType, error: `${issue?.path.join(".") || "event"}: ${issue?.message ?? "invalid"}` };
}

/** Feed raw stream text in any chunking; each complete event is handed to onEvent, typed.
 * An event larger than maxEventBytes (1.5.1's heavy plans carry two whole root groups) stops the
 * parser and calls onTooLarge, so a runaway stream cannot grow memory without bound. */
export function createMarathonEventParser(onEvent: (e: MarathonEvent) => void, opts: { maxEventBytes?: number; onTooLarge?: () => void } = {}) {
  const parser = createParser({
    maxBufferSize: opts.maxEventBytes,
    onEvent: (m) => onEvent(readMarathonEvent(m.event ?? "message", m.data)),
    onError: (e) => {
      if (e.type === "max-buffer-size-exceeded") opts.onTooLarge?.();
    },
  });
  return { feed: (chunk: string) => parser.feed(chunk), reset: () => parser.reset() };
}
