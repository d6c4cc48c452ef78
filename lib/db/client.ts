import fs from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client.ts";
import { dataDir, databaseUrl } from "./databaseUrl.ts";
import { releaseFailedCommits } from "./releaseFailedCommits.ts";

// One client per process: Next's route bundle, server.ts and the workers all reach this module,
// so the instance is kept on globalThis rather than in module scope.
const globalForDb = globalThis as unknown as { armdeckDb?: PrismaClient; armdeckDbReady?: Promise<void> };

function createClient(): PrismaClient {
  fs.mkdirSync(dataDir(), { recursive: true, mode: 0o700 });
  // The database holds sealed credentials and session hashes: the folder is the owner's only.
  fs.chmodSync(dataDir(), 0o700);
  return new PrismaClient({ adapter: releaseFailedCommits(new PrismaBetterSQLite3({ url: databaseUrl() })) });
}

export const db: PrismaClient = (globalForDb.armdeckDb ??= createClient());

/** WAL lets the dashboard read while a worker writes; busy_timeout absorbs short write overlaps. */
export function dbReady(): Promise<void> {
  globalForDb.armdeckDbReady ??= (async () => {
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  })();
  return globalForDb.armdeckDbReady;
}
