import type { Client } from "ssh2";
import { shQuote } from "../shell/quote.ts";
import { execCommand } from "../ssh/execCommand.ts";
import { SshError } from "../ssh/sshErrors.ts";
import { RemoteJobFolderGoneError, RemoteJobStartError } from "./remoteJobErrors.ts";

// A step runs detached on the node: its own session and process group (setsid), output to
// out.log, exit status to a file written last. The dashboard only starts it and follows the file,
// so a dropped connection or a restarted dashboard never stops a one-hour compile.
// Starting and following share one SSH channel: each channel costs the node a login shell.

/** The job folder as a shell word: under the Armdeck folder for root, the user's home otherwise. */
export function remoteJobDir(armdeckDir: string, username: string, jobId: string, attempt: number): string {
  const leaf = `${jobId}-${attempt}`;
  if (!/^[a-z0-9-]+$/.test(leaf)) throw new Error("bad job folder name");
  return username === "root" ? shQuote(`${armdeckDir}/jobs/${leaf}`) : `"$HOME"/.armdeck/jobs/${leaf}`;
}

/** Alive means running: a zombie (dead, not yet reaped) counts as gone. */
const ALIVE = `alive() { [ -n "$1" ] && [ -r "/proc/$1/stat" ] && [ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" != Z ]; }`;
const EXIT_MARKER = "ARMDECK-EXIT";
const STARTED_MARKER = "ARMDECK-STARTED";
const FOLDER_GONE = 97;
const SCRIPT_INCOMPLETE = 96;
const NOT_STARTED = 98;

const asRoot = (username: string) => (username === "root" ? "" : "sudo -n ");

/**
 * Starts the step at most once per folder, however often this is sent: the detached process
 * itself takes the start marker (`mkdir started`, atomic), so of several starts racing (a
 * dashboard that died mid-start, then restarted) exactly one runs the script and the others
 * exit. The script arrives on stdin and is used only when it arrived whole (its byte count is
 * checked), so a start cut off in transit starts nothing and can simply be sent again.
 * A folder from before the marker existed counts as started when it has a pid file.
 *
 * The step's output goes through `tee -p` both to out.log and straight down this channel, so a
 * fresh step streams at the channel's own speed instead of through a file follower; `-p` makes
 * tee carry on with out.log alone when the channel goes away, and a later follow resumes from the
 * file. The channel stays open as long as the detached step holds its stdout, and the step's last
 * act is the exit marker on the channel's stderr (after the exit file, so nothing is lost if the
 * channel is gone by then). The double fork keeps the step out of the SSH session's process tree.
 */
function startPart(username: string, scriptBytes: number): string[] {
  const detached = [
    'mkdir "$1/started" 2>/dev/null || exit 0',
    'rm -f "$1/exit" "$1/exit.tmp"',
    ': > "$1/out.log"',
    'echo $$ > "$1/pid.tmp"; mv "$1/pid.tmp" "$1/pid"',
    `{ ${asRoot(username)}sh "$1/script.sh" < /dev/null 2>&1; echo $? > "$1/exit.tmp"; } | tee -p "$1/out.log"`,
    'mv "$1/exit.tmp" "$1/exit"',
    `printf "${EXIT_MARKER} %s\\n" "$(cat "$1/exit")" >&2`,
  ].join("; ");
  return [
    "fresh=0",
    'if [ ! -d "$d/started" ] && [ ! -s "$d/pid" ]; then',
    '  mkdir -p "$d"',
    '  cat > "$d/script.tmp"',
    `  if [ "$(wc -c < "$d/script.tmp")" -ne ${Math.floor(scriptBytes)} ]; then echo "the step's script arrived incomplete" >&2; exit ${SCRIPT_INCOMPLETE}; fi`,
    '  mv -f "$d/script.tmp" "$d/script.sh"',
    `  (cd / && setsid sh -c '${detached}' armdeck-job "$d" < /dev/null &)`,
    "  fresh=1",
    "else",
    "  cat > /dev/null",
    "fi",
    `i=0; while [ ! -s "$d/pid" ]; do i=$((i + 1)); if [ "$i" -gt 1000 ]; then echo "the step did not start" >&2; exit ${NOT_STARTED}; fi; sleep 0.01; done`,
    `echo ${STARTED_MARKER} >&2`,
    // A step started here streams its own output down this channel (a step that lost the start
    // race to another start sends nothing, and the runner follows the file next).
    'if [ "$fresh" = 1 ]; then exit 0; fi',
  ];
}

/**
 * tail -f follows by inotify (no polling forks) and stops when a watcher exits: the watcher waits
 * for the exit file (written last, so the log is complete) or for the step to die. The watcher,
 * not the step, is tail's --pid: a finished step whose parent is a pid 1 that does not reap stays
 * a zombie, and tail would wait on it for ever; the watcher is this shell's child, reaped by it.
 */
function followPart(offset: number): string[] {
  return [
    `off=${Math.max(0, Math.floor(offset))}`,
    `if [ ! -f "$d/out.log" ]; then echo "no such job folder" >&2; exit ${FOLDER_GONE}; fi`,
    ALIVE,
    'if [ ! -f "$d/exit" ]; then',
    '  pid=$(cat "$d/pid" 2>/dev/null || true)',
    '  ( i=0; while [ ! -f "$d/exit" ]; do i=$((i + 1)); if [ $((i % 5)) -eq 0 ] && ! alive "$pid"; then sleep 0.3; break; fi; sleep 0.2; done ) &',
    '  tail -c +$((off + 1)) -s 0.2 -f --pid=$! "$d/out.log"',
    "else",
    '  tail -c +$((off + 1)) "$d/out.log"',
    "fi",
    `if [ -f "$d/exit" ]; then printf '${EXIT_MARKER} %s\\n' "$(cat "$d/exit")" >&2; fi`,
  ];
}

export interface FollowOutcome {
  /** The step's exit status, or null when it ended without writing one (killed, node rebooted). */
  exitCode: number | null;
}

export interface StepStart {
  script: string;
  username: string;
  /** Called once the node says the step runs (started now or before): from then on it is only followed. */
  onStarted(): void;
}

/**
 * Starts the step (when `start` is given and it has not started yet), then streams out.log from
 * `offset` until the step has ended and every byte was sent, calling onData in order.
 * Rejects when the connection drops or onData throws; calling again resumes from the new offset.
 */
export function runAndFollow(client: Client, dir: string, offset: number, onData: (chunk: Buffer) => void, start?: StepStart): Promise<FollowOutcome> {
  const command = [`d=${dir}`, ...(start ? startPart(start.username, Buffer.byteLength(start.script)) : []), ...followPart(offset)].join("\n");
  return new Promise((resolve, reject) => {
    client.exec(`exec /bin/sh -c ${shQuote(command)}`, (err, stream) => {
      if (err) return reject(new SshError("protocol", `Could not run on the node: ${err.message}`));
      let stderr = "";
      let settled = false;
      let started = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        client.removeListener("close", onConnectionClose);
        reject(error);
        stream.close();
      };
      // A connection that dies mid-stream closes the channel without an exit code.
      const onConnectionClose = () => fail(new SshError("unreachable", "The connection to the node was lost"));
      client.once("close", onConnectionClose);
      stream.on("data", (d: Buffer) => {
        if (settled) return;
        try {
          onData(d);
        } catch (error) {
          // The bytes could not be kept (e.g. the dashboard's disk is full): stop here, so the
          // next follow resends from what was stored instead of skipping ahead.
          fail(error instanceof Error ? error : new Error(String(error)));
        }
      });
      stream.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        if (start && !started && stderr.includes(STARTED_MARKER)) {
          started = true;
          start.onStarted();
        }
      });
      stream.on("close", (code: number | null) => {
        client.removeListener("close", onConnectionClose);
        if (settled) return;
        settled = true;
        const exit = stderr.match(new RegExp(`${EXIT_MARKER} (\\d+)`));
        if (code === 0) resolve({ exitCode: exit ? Number(exit[1]) : null });
        else if (code === FOLDER_GONE) reject(new RemoteJobFolderGoneError(dir));
        else if (code === SCRIPT_INCOMPLETE || code === NOT_STARTED) reject(new RemoteJobStartError(stderr.trim().split("\n").pop() ?? "the step did not start"));
        else reject(new SshError("protocol", `Running the step failed (${code === null ? "connection lost" : `exit ${code}`}) ${stderr.trim().slice(0, 300)}`));
      });
      stream.end(start ? start.script : "");
    });
  });
}

export type RemoteJobState = { state: "exited"; code: number } | { state: "running" } | { state: "vanished" };

export async function inspectRemoteJob(client: Client, dir: string, timeoutMs: number): Promise<RemoteJobState> {
  const command = [
    `d=${dir}`,
    'if [ -f "$d/exit" ]; then echo "exited $(cat "$d/exit")"; exit 0; fi',
    ALIVE,
    'pid=$(cat "$d/pid" 2>/dev/null || true)',
    'if alive "$pid"; then echo running; else echo vanished; fi',
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
    ALIVE,
    `${sudo}kill -TERM "-$pid" 2>/dev/null || true`,
    'i=0; while alive "$pid" && [ "$i" -lt 50 ]; do sleep 0.1; i=$((i + 1)); done',
    `${sudo}kill -KILL "-$pid" 2>/dev/null || true`,
  ].join("\n");
  await execCommand(client, `exec /bin/sh -c ${shQuote(command)}`, timeoutMs);
}
