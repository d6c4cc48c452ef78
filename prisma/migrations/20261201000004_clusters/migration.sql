-- Clusters become a table. Today's one cluster (every node, the ClusterSettings row id 1, every
-- plan run) becomes cluster 1, "default", provisioned. Nothing is lost: the settings move into the
-- cluster row, nodes and plan runs are copied with clusterId 1, and the jobs of those runs (whose
-- foreign key points at PlanRun, which is rebuilt) are kept aside and put back.

CREATE TABLE "Cluster" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mesosMasters" JSONB NOT NULL,
    "marathon" JSONB NOT NULL,
    "settings" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "createdBy" TEXT NOT NULL,
    "updatedBy" TEXT
);
CREATE UNIQUE INDEX "Cluster_name_key" ON "Cluster"("name");

-- The settings row may be missing (never saved): the cluster then starts from the defaults ('{}'
-- parses to them through clusterSettingsSchema, as the missing row did before).
INSERT INTO "Cluster" ("id", "name", "kind", "mesosMasters", "marathon", "settings", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT 1, 'default', 'provisioned', '[]', '[]',
       COALESCE((SELECT "json" FROM "ClusterSettings" WHERE "id" = 1), '{}'),
       COALESCE((SELECT "updatedAt" FROM "ClusterSettings" WHERE "id" = 1), CAST(strftime('%s', 'now') AS INTEGER) * 1000),
       COALESCE((SELECT "updatedAt" FROM "ClusterSettings" WHERE "id" = 1), CAST(strftime('%s', 'now') AS INTEGER) * 1000),
       'migration',
       (SELECT "updatedBy" FROM "ClusterSettings" WHERE "id" = 1);

DROP TABLE "ClusterSettings";

-- Whether foreign keys are enforced while this runs depends on the driver; dropping PlanRun with
-- them on would cascade to Job. So Job's rows are copied first and restored after the rebuild.
CREATE TABLE "_Job_kept" AS SELECT * FROM "Job";

PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Node" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "port" INTEGER NOT NULL,
    "username" TEXT NOT NULL,
    "authKind" TEXT NOT NULL,
    "secretCipher" TEXT NOT NULL,
    "hostKeyType" TEXT NOT NULL,
    "hostKeyBits" INTEGER,
    "hostKeyFingerprint" TEXT NOT NULL,
    "offeredHostKeyType" TEXT,
    "offeredHostKeyFingerprint" TEXT,
    "offeredHostKeyBits" INTEGER,
    "role" TEXT NOT NULL,
    "facts" TEXT,
    "factsGatheredAt" DATETIME,
    "reachable" BOOLEAN,
    "lastCheckedAt" DATETIME,
    "lastError" TEXT,
    "lastErrorKind" TEXT,
    "clusterId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Node_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Node" ("address", "authKind", "createdAt", "facts", "factsGatheredAt", "hostKeyBits", "hostKeyFingerprint", "hostKeyType", "id", "lastCheckedAt", "lastError", "lastErrorKind", "name", "offeredHostKeyBits", "offeredHostKeyFingerprint", "offeredHostKeyType", "port", "reachable", "role", "secretCipher", "updatedAt", "username", "clusterId")
SELECT "address", "authKind", "createdAt", "facts", "factsGatheredAt", "hostKeyBits", "hostKeyFingerprint", "hostKeyType", "id", "lastCheckedAt", "lastError", "lastErrorKind", "name", "offeredHostKeyBits", "offeredHostKeyFingerprint", "offeredHostKeyType", "port", "reachable", "role", "secretCipher", "updatedAt", "username", 1 FROM "Node";
DROP TABLE "Node";
ALTER TABLE "new_Node" RENAME TO "Node";
CREATE UNIQUE INDEX "Node_name_key" ON "Node"("name");
CREATE INDEX "Node_clusterId_idx" ON "Node"("clusterId");

CREATE TABLE "new_PlanRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "plan" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "settings" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "clusterId" INTEGER NOT NULL,
    CONSTRAINT "PlanRun_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PlanRun" ("createdAt", "createdBy", "finishedAt", "id", "plan", "scope", "settings", "startedAt", "status", "title", "clusterId")
SELECT "createdAt", "createdBy", "finishedAt", "id", "plan", "scope", "settings", "startedAt", "status", "title", 1 FROM "PlanRun";
DROP TABLE "PlanRun";
ALTER TABLE "new_PlanRun" RENAME TO "PlanRun";
CREATE INDEX "PlanRun_createdAt_idx" ON "PlanRun"("createdAt");
CREATE INDEX "PlanRun_clusterId_createdAt_idx" ON "PlanRun"("clusterId", "createdAt");

-- Back exactly as they were (only rows a cascade removed are missing, and INSERT OR IGNORE
-- leaves the ones that survived alone).
INSERT OR IGNORE INTO "Job" SELECT * FROM "_Job_kept";
DROP TABLE "_Job_kept";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
