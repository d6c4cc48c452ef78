-- Status probes end as reports: what each service answered, kept as data.
ALTER TABLE "Job" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'step';
ALTER TABLE "Job" ADD COLUMN "serviceState" TEXT;
ALTER TABLE "Job" ADD COLUMN "report" JSONB;
