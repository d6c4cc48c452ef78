import { z } from "zod";
import { RUN_KINDS } from "../recipes/planKinds.ts";

// Client-safe: the filters of the runs history (GET /api/v1/plan-runs), the cluster among them.

export const PLAN_RUN_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;

const idLike = z.string().regex(/^[a-z0-9]{1,64}$/i, "An id");

export const planRunFilterSchema = z.object({
  status: z.enum(PLAN_RUN_STATUSES, { error: `One of: ${PLAN_RUN_STATUSES.join(", ")}` }).optional(),
  kind: z.enum(RUN_KINDS as [string, ...string[]], { error: `One of: ${RUN_KINDS.join(", ")}` }).optional(),
  node: idLike.optional(),
  cluster: z.coerce.number({ error: "A cluster id" }).int("A cluster id").min(1, "A cluster id").max(2 ** 31, "A cluster id").optional(),
  /** Opaque: the nextCursor of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number({ error: "A number" }).int("A whole number").min(1, "At least 1").max(200, "At most 200").default(30),
});
export type PlanRunFilter = z.infer<typeof planRunFilterSchema>;
