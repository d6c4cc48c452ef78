// Client-safe vocabulary of job and plan-run states.
export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled", "interrupted"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const FINAL_JOB_STATUSES: readonly JobStatus[] = ["succeeded", "failed", "cancelled", "interrupted"];
export type PlanRunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export function isFinal(status: string): boolean {
  return (FINAL_JOB_STATUSES as readonly string[]).includes(status);
}
