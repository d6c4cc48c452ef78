// `npm run demo` as a user starts it, minus its install and build (the test run has just built
// this checkout): demo/run.ts in its own process, on a free port with its own data folder, read
// from what it prints. stop() is Ctrl-C, which must stop everything the demo started.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "./sshHosts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export interface DemoProcess {
  url: string;
  adminPassword: string;
  /** The demo stand-in's control API (printed by the demo), for faults a real cluster would have. */
  controlUrl: string;
  output(): string;
  stop(): Promise<void>;
}

export async function startDemo(timeoutMs = 180_000): Promise<DemoProcess> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "armdeck-demo-"));
  const port = await freePort();
  const adminPassword = `demo-spec-${Date.now().toString(36)}`;
  const child: ChildProcess = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["demo/run.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", ARMDECK_DATA_DIR: dataDir, ARMDECK_ADMIN_PASSWORD: adminPassword },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString("utf8")));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGINT");
      const killed = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(killed);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (!out.includes("Armdeck demo:")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the demo did not start (exit ${child.exitCode}):\n${out.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const control = /control (http:\/\/\S+\/__standin)/.exec(out);
  if (!control) {
    await stop();
    throw new Error(`the demo did not print its stand-in's control URL:\n${out}`);
  }
  return { url: `http://127.0.0.1:${port}`, adminPassword, controlUrl: control[1]!, output: () => out, stop };
}
