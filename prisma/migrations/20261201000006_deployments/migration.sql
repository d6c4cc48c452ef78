-- Deployments Armdeck started in Marathon, kept after Marathon forgets them (lib/deploy/).
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clusterId" INTEGER NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "groupId" TEXT,
    "affectedApps" JSONB NOT NULL,
    "target" JSONB NOT NULL,
    "steps" JSONB,
    "version" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "startedBy" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'running',
    "reason" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "Deployment_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "Deployment_clusterId_deploymentId_key" ON "Deployment"("clusterId", "deploymentId");
CREATE INDEX "Deployment_clusterId_startedAt_idx" ON "Deployment"("clusterId", "startedAt");
