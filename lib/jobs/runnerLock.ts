import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

// One job runner per data folder: two would both claim and reattach to the same jobs (two stop
// steps on one node at once). The lock is SQLite's exclusive file lock (fcntl) on
// <data>/runner.lock, held for the life of the process: the kernel drops it however the process
// ends, so there is no stale lock to detect and no pid to trust for it. runner.pid beside it only
// says who holds it. Several runners are a later, designed feature (claims already go through
// lib/jobs/jobQueue.ts); until then the second instance is refused here and exits.

// Referenced here so the connection (and with it the lock) is never closed by garbage collection.
const heldLocks = new Set<Database.Database>();

export type RunnerLock = { held: true; release(): void } | { held: false; holderPid: number | null; message: string };

export function takeRunnerLock(dataDir: string): RunnerLock {
  const pidFile = path.join(dataDir, "runner.pid");
  const lock = new Database(path.join(dataDir, "runner.lock"), { timeout: 0 });
  try {
    lock.exec("CREATE TABLE IF NOT EXISTS runner (note TEXT)");
    lock.exec("BEGIN EXCLUSIVE");
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
    const holderPid = readPid(pidFile);
    const who = holderPid ? `another Armdeck (pid ${holderPid})` : "another Armdeck";
    return { held: false, holderPid, message: `${who} runs jobs from data dir ${dataDir}; this one will not start. Stop it first, or give this one its own ARMDECK_DATA_DIR.` };
  }
  heldLocks.add(lock);
  fs.writeFileSync(pidFile, `${process.pid}\n`, { mode: 0o600 });
  return {
    held: true,
    release: () => {
      fs.rmSync(pidFile, { force: true });
      heldLocks.delete(lock);
      lock.close();
    },
  };
}

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
