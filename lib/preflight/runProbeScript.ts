import type { Client } from "ssh2";
import { publishLogChunk } from "../jobs/logPublisher.ts";
import { LogAppender } from "../jobs/logStore.ts";
import { shQuote } from "../shell/quote.ts";
import { SshError } from "../ssh/sshErrors.ts";

export interface ProbeOutput {
  output: string;
  code: number | null;
  /** When the line starting with clockPrefix reached the dashboard (ms), for the skew between nodes. */
  clockReceivedAt: number | null;
}

const MAX_OUTPUT = 1024 * 1024;

/**
 * Runs one probe script in ONE exec channel (no folder on the node, no detached process: it is
 * short and read-only), streaming every byte into the job's log and to its viewers as it comes.
 * A script that needs sudo is run under `sudo -n`, which the sudo check then reports on.
 */
export function runProbeScript(client: Client, jobId: string, script: string, timeoutMs: number, clockPrefix?: string): Promise<ProbeOutput> {
  const log = new LogAppender(jobId);
  return new Promise<ProbeOutput>((resolve, reject) => {
    client.exec(`exec /bin/sh -c ${shQuote(script)}`, (err, stream) => {
      if (err) return reject(new SshError("protocol", `Could not start the probe: ${err.message}`));
      let output = "";
      let clockReceivedAt: number | null = null;
      const timer = setTimeout(() => {
        stream.close();
        reject(new SshError("timeout", `The probe did not finish within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      const take = (d: Buffer) => {
        const at = Date.now();
        const text = d.toString("utf8");
        if (clockPrefix && clockReceivedAt === null && (output.slice(-64) + text).includes(clockPrefix)) clockReceivedAt = at;
        if (output.length < MAX_OUTPUT) output += text;
        const chunk = log.append(log.size, d, at);
        if (chunk) publishLogChunk(jobId, chunk);
      };
      stream.on("data", take);
      stream.stderr.on("data", take);
      stream.on("close", (code: number | null) => {
        clearTimeout(timer);
        resolve({ output, code: code ?? null, clockReceivedAt });
      });
    });
  }).finally(() => log.close());
}
