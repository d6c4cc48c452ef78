// Starts the real server (server.ts with the production build in .next) on a free loopback port
// with its own data folder, as `npm start` would, and keeps everything it prints for inspection.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { freePort } from "./sshHosts";
import { createTestDataDir } from "./testDatabase";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export interface AppServer {
  url: string;
  port: number;
  dataDir: string;
  logFile: string;
  adminPassword: string;
  output(): Promise<string>;
  stop(): Promise<void>;
}

export async function startAppServer(options: { env?: Record<string, string>; adminPassword?: string | null; dataDir?: string } = {}): Promise<AppServer> {
  // A given data folder (already migrated) lets a test share the database with the server.
  const dataDir = options.dataDir ?? createTestDataDir();
  const port = await freePort();
  const adminPassword = options.adminPassword === undefined ? "admin-password-for-tests" : options.adminPassword;
  const logFile = path.join(dataDir, "server.log");
  writeFileSync(logFile, "");
  const log = createWriteStream(logFile, { flags: "a" });
  const child: ChildProcess = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      ARMDECK_DATA_DIR: dataDir,
      ARMDECK_NODE_CHECK_INTERVAL_S: "0",
      ARMDECK_LOG_LEVEL: "info",
      ...(adminPassword ? { ARMDECK_ADMIN_PASSWORD: adminPassword } : {}),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const output = () => readFile(logFile, "utf8");

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${await output()}`);
    if ((await output()).includes("Armdeck listening on")) break;
    if (Date.now() > deadline) throw new Error(`server did not start within 60 s:\n${await output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    dataDir,
    logFile,
    adminPassword: adminPassword ?? "",
    output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      log.end();
    },
  };
}
