-- When the node confirmed the step started: until then a restarted runner sends the start again
-- (the node starts it at most once per folder).
ALTER TABLE "Job" ADD COLUMN "remoteStartedAt" DATETIME;
