import type { Client } from "ssh2";
import { shQuote } from "../shell/quote.ts";
import { execCommand } from "../ssh/execCommand.ts";
import { SshError } from "../ssh/sshErrors.ts";

// A step runs detached on the node: its own session and process group (setsid), output to
// out.log, exit status to a file written last. The dashboard only starts it and follows the file,
// so a dropped connection or a restarted dashboard never stops a one-hour compile.

/** The job folder as a shell word: under the Armdeck folder for root, the user's home otherwise. */
export function remoteJobDir(armdeckDir: string, username: string, jobId: string, attempt: number): string {
  const leaf = `${jobId}-${attempt}`;
  if (!/^[a-z0-9-]+$/.test(leaf)) throw new Error("bad job folder name");
  return username === "root" ? shQuote(`${armdeckDir}/jobs/${leaf}`) : `"$HOME"/.armdeck/jobs/${leaf}`;
}

const asRoot = (username: string) => (username === "root" ? "" : "sudo -n ");

export async function startRemoteJob(client: Client, dir: string, username: string, script: string, timeoutMs: number): Promise<number> {
  const command = [
    "set -eu",
    `d=${dir}`,
    'mkdir -p "$d"',
    'cat > "$d/script.sh"',
    'rm -f "$d/exit" "$d/exit.tmp" "$d/pid"',
    ': > "$d/out.log"',
    "cd /",
    `setsid sh -c 'echo $$ > "$1/pid"; ${asRoot(username)}sh "$1/script.sh" > "$1/out.log" 2>&1 < /dev/null; echo $? > "$1/exit.tmp"; mv "$1/exit.tmp" "$1/exit"' armdeck-job "$d" > /dev/null 2>&1 < /dev/null &`,
    "i=0",
    'while [ ! -s "$d/pid" ]; do i=$((i + 1)); if [ "$i" -gt 200 ]; then echo "the job did not start" >&2; exit 1; fi; sleep 0.05; done',
    'cat "$d/pid"',
  ].join("\n");
  const result = await execWithInput(client, `exec /bin/sh -c ${shQuote(command)}`, script, timeoutMs);
  const pid = Number(result.stdout.trim());
  if (result.code !== 0 || !Number.isInteger(pid)) {
    throw new SshError("protocol", `Could not start the step on the node (exit ${result.code}): ${result.stderr.trim().slice(0, 300)}`);
  }
  return pid;
}

/**
 * Streams out.log from `offset` until the job has ended and every byte was sent (tail --pid),
 * calling onData in order. Resolves when the stream ends; rejects when the connection drops.
 */
export function followRemoteJob(client: Client, dir: string, offset: number, onData: (chunk: Buffer) => void): Promise<void> {
  const command = [
    `d=${dir}`,
    `off=${Math.max(0, Math.floor(offset))}`,
    'if [ ! -f "$d/out.log" ]; then echo "no such job folder" >&2; exit 97; fi',
    'if [ -f "$d/exit" ]; then exec tail -c +$((off + 1)) "$d/out.log"; fi',
    'exec tail -s 0.2 -c +$((off + 1)) -f --pid="$(cat "$d/pid")" "$d/out.log"',
  ].join("\n");
  return new Promise((resolve, reject) => {
    client.exec(`exec /bin/sh -c ${shQuote(command)}`, (err, stream) => {
      if (err) return reject(new SshError("protocol", `Could not follow the step's output: ${err.message}`));
      let stderr = "";
      let settled = false;
      // A connection that dies mid-stream closes the channel without an exit code.
      const onConnectionClose = () => {
        if (!settled) {
          settled = true;
          reject(new SshError("unreachable", "The connection to the node was lost"));
        }
      };
      client.once("close", onConnectionClose);
      stream.on("data", (d: Buffer) => onData(d));
      stream.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      stream.on("close", (code: number | null) => {
        client.removeListener("close", onConnectionClose);
        if (settled) return;
        settled = true;
        if (code === 0) resolve();
        else if (code === 97) reject(new SshError("protocol", "The step's folder is gone from the node"));
        else reject(new SshError("protocol", `Following the output stopped (${code === null ? "connection lost" : `exit ${code}`}) ${stderr.trim()}`));
      });
    });
  });
}

export type RemoteJobState = { state: "exited"; code: number } | { state: "running" } | { state: "vanished" };

export async function inspectRemoteJob(client: Client, dir: string, timeoutMs: number): Promise<RemoteJobState> {
  const command = [
    `d=${dir}`,
    'if [ -f "$d/exit" ]; then echo "exited $(cat "$d/exit")"; exit 0; fi',
    'pid=$(cat "$d/pid" 2>/dev/null || true)',
    'if [ -n "$pid" ] && [ -d "/proc/$pid" ]; then echo running; else echo vanished; fi',
  ].join("\n");
  const result = await execCommand(client, `exec /bin/sh -c ${shQuote(command)}`, timeoutMs);
  const out = result.stdout.trim();
  const exited = out.match(/^exited (\d+)$/);
  if (exited) return { state: "exited", code: Number(exited[1]) };
  return out === "running" ? { state: "running" } : { state: "vanished" };
}

/** Kills the step's whole process group: TERM, then KILL after five seconds. */
export async function cancelRemoteJob(client: Client, dir: string, username: string, timeoutMs: number): Promise<void> {
  const sudo = asRoot(username);
  const command = [
    `d=${dir}`,
    'pid=$(cat "$d/pid" 2>/dev/null || true)',
    '[ -n "$pid" ] || exit 0',
    `${sudo}kill -TERM "-$pid" 2>/dev/null || true`,
    'i=0; while [ -d "/proc/$pid" ] && [ "$i" -lt 50 ]; do sleep 0.1; i=$((i + 1)); done',
    `${sudo}kill -KILL "-$pid" 2>/dev/null || true`,
  ].join("\n");
  await execCommand(client, `exec /bin/sh -c ${shQuote(command)}`, timeoutMs);
}

function execWithInput(client: Client, command: string, input: string, timeoutMs: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    client.exec(command, (err, stream) => {
      if (err) return reject(new SshError("protocol", `Could not start a command: ${err.message}`));
      let stdout = "";
      let stderr = "";
      const timer = setTimeout(() => {
        stream.close();
        reject(new SshError("timeout", `The node did not answer within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      stream.on("data", (d: Buffer) => (stdout += d.toString()));
      stream.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      stream.on("close", (code: number | null) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
      stream.end(input);
    });
  });
}
