-- The rolling resource history: 1-minute buckets per agent ('' = the cluster's total), 24 h kept.
CREATE TABLE "ResourceSample" (
    "clusterId" INTEGER NOT NULL,
    "agentId" TEXT NOT NULL,
    "bucketStart" BIGINT NOT NULL,
    "cpusUsed" REAL NOT NULL,
    "cpusTotal" REAL NOT NULL,
    "memUsedMb" REAL NOT NULL,
    "memTotalMb" REAL NOT NULL,
    "n" INTEGER NOT NULL,

    PRIMARY KEY ("clusterId", "agentId", "bucketStart"),
    CONSTRAINT "ResourceSample_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "ResourceSample_clusterId_bucketStart_idx" ON "ResourceSample"("clusterId", "bucketStart");
