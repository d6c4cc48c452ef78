-- AlterTable
ALTER TABLE "Node" ADD COLUMN "offeredHostKeyBits" INTEGER;
ALTER TABLE "Node" ADD COLUMN "factsGatheredAt" DATETIME;

-- Facts of a node whose last check succeeded were read at that check; for the others the time is unknown.
UPDATE "Node" SET "factsGatheredAt" = "lastCheckedAt" WHERE "facts" IS NOT NULL AND "reachable" = 1;
