import { z } from "zod";

// Client-safe: the tasks panel's filters and page, from a query string.
export const tasksQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** A Mesos task state, e.g. TASK_RUNNING. */
  state: z
    .string()
    .trim()
    .max(32)
    .regex(/^TASK_[A-Z_]{1,27}$/, "a Mesos task state such as TASK_RUNNING")
    .optional(),
  /** An agent's id or hostname. */
  agent: z.string().trim().min(1).max(255).optional(),
});
export type TasksQuery = z.infer<typeof tasksQuerySchema>;
