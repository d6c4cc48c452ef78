import type { Client } from "ssh2";
import { SshError } from "./sshErrors.ts";

export interface ExecResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

const MAX_CAPTURE = 1024 * 1024;

/** Runs one short command and captures its output; long-running steps use detached jobs instead. */
export function execCommand(client: Client, command: string, timeoutMs: number): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    client.exec(command, (err, stream) => {
      if (err) return reject(new SshError("protocol", `Could not start a command: ${err.message}`));
      let stdout = "";
      let stderr = "";
      const timer = setTimeout(() => {
        stream.close();
        reject(new SshError("timeout", `The command did not finish within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      stream.on("data", (d: Buffer) => {
        if (stdout.length < MAX_CAPTURE) stdout += d.toString("utf8");
      });
      stream.stderr.on("data", (d: Buffer) => {
        if (stderr.length < MAX_CAPTURE) stderr += d.toString("utf8");
      });
      stream.on("close", (code: number | null, signal: string | null) => {
        clearTimeout(timer);
        resolve({ code: code ?? null, signal: signal ?? null, stdout, stderr });
      });
    });
  });
}
