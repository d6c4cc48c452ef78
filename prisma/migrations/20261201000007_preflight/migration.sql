-- Preflight and verify runs keep what they found as data (Job.kind gains the value 'probe', a TEXT column).
ALTER TABLE "PlanRun" ADD COLUMN "checks" JSONB;
