// Runs e2e/harness/runnerMain.ts as a child process and reports how it ended.
import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export interface RunnerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Starts a runner on `dataDir` that kills itself at `crashAt`; resolves when it has died. */
export function runRunnerUntilCrash(dataDir: string, crashAt: string, timeoutMs = 60_000): Promise<RunnerExit> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "e2e", "harness", "runnerMain.ts")], {
    cwd: ROOT,
    env: { ...process.env, ARMDECK_DATA_DIR: dataDir, ARMDECK_CRASH_AT: crashAt, ARMDECK_LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the runner did not reach ${crashAt} within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}
