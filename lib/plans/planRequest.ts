import { z } from "zod";
import { PLAN_KINDS } from "../recipes/planKinds.ts";
import { COMPONENTS } from "../recipes/recipeTypes.ts";

// Client-safe: what a caller may ask to run.
export const planRequestSchema = z.object({
  plan: z.enum(PLAN_KINDS as [string, ...string[]], { error: `One of: ${PLAN_KINDS.join(", ")}` }),
  nodeIds: z.array(z.string().regex(/^[a-z0-9]+$/i, "A node id")).max(500).optional(),
  components: z.array(z.enum(COMPONENTS)).max(COMPONENTS.length).optional(),
  /** On the routes that predate clusters: the cluster to act on (default: the first). */
  clusterId: z.number({ error: "A cluster id" }).int("A cluster id").min(1, "A cluster id").max(2 ** 31).optional(),
});
/** Starting a plan: one that changes nodes also needs `confirm: true` (the dry run never does). */
export const planRunRequestSchema = planRequestSchema.extend({
  confirm: z.boolean({ error: "true or false" }).optional(),
});
export type PlanRequest = z.infer<typeof planRequestSchema>;

/** The same request from a query string (?plan=build&nodeIds=a,b&components=mesos). */
export const planQuerySchema = z
  .object({ plan: z.string(), nodeIds: z.string().optional(), components: z.string().optional(), cluster: z.string().optional() })
  .transform((q) => ({
    plan: q.plan,
    ...(q.cluster !== undefined ? { clusterId: Number(q.cluster) } : {}),
    ...(q.nodeIds ? { nodeIds: q.nodeIds.split(",").filter(Boolean) } : {}),
    ...(q.components ? { components: q.components.split(",").filter(Boolean) } : {}),
  }))
  .transform((v) => planRequestSchema.parse(v));
