import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { dataDir, databaseUrl } from "./lib/db/databaseUrl";

// Prisma's CLI runs offline here: the JS engine and the better-sqlite3 adapter need no engine downloads
// (docs/offline-install.md).
export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  // A test may point this at a copy holding only the older migrations, to build a database as a
  // previous release left it (e2e/integration/clusterMigration.test.ts).
  migrations: { path: process.env.ARMDECK_MIGRATIONS_DIR ?? path.join("prisma", "migrations") },
  adapter: async () => {
    // The driver opens the file eagerly, so its folder must exist even for `migrate diff`.
    fs.mkdirSync(dataDir(), { recursive: true, mode: 0o700 });
    return new PrismaBetterSQLite3({ url: databaseUrl() });
  },
});
