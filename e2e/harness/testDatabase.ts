// A fresh SQLite database with the real migrations applied by Prisma's own CLI, in a temp
// folder, for tests that call lib/ directly or start the server.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export function prismaCliEnv(dataDir: string): NodeJS.ProcessEnv {
  return { ...process.env, ARMDECK_DATA_DIR: dataDir, PRISMA_QUERY_ENGINE_LIBRARY: "/dev/null", PRISMA_SCHEMA_ENGINE_BINARY: "/dev/null", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
}

export function createTestDataDir(): string {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "armdeck-data-"));
  execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: ROOT, env: prismaCliEnv(dataDir), stdio: "pipe" });
  return dataDir;
}

/**
 * For tests that import lib/ in-process: call before the first import of lib/db (use dynamic
 * imports after it), since the client binds to ARMDECK_DATA_DIR when first loaded.
 */
export function useFreshTestDatabase(): string {
  const dataDir = createTestDataDir();
  process.env.ARMDECK_DATA_DIR = dataDir;
  process.env.ARMDECK_LOG_LEVEL ??= "silent";
  return dataDir;
}
