-- Connectivity checks: the plan run of a check and the matrix layout its node scripts report against.
CREATE TABLE "ConnectivityCheck" (
    "planRunId" TEXT NOT NULL PRIMARY KEY,
    "clusterId" INTEGER NOT NULL,
    "groupId" TEXT NOT NULL,
    "layout" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConnectivityCheck_planRunId_fkey" FOREIGN KEY ("planRunId") REFERENCES "PlanRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "ConnectivityCheck_clusterId_groupId_createdAt_idx" ON "ConnectivityCheck"("clusterId", "groupId", "createdAt");
