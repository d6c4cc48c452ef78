// Real OpenSSH servers on loopback for integration tests: each host is Debian's own sshd with a
// private config, host key and PATH shims, so the app's SSH code is tested against the same
// server it meets in production rather than a mock. Needs root (it logs in as root and creates a
// local password user) and e2e/install-test-deps.sh.

import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { access, chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { archShims, type Arch } from "./shims";

export type { Arch } from "./shims";
export type HostKeyType = "ed25519" | "rsa" | "ecdsa";

export interface StartOptions {
  arch?: Arch;
  hostKeyType?: HostKeyType;
  port?: number;
  extraShims?: Record<string, string>;
}

export interface TestSshHost {
  address: string;
  port: number;
  dir: string;
  shimDir: string;
  logFile: string;
  arch: Arch;
  root: { username: "root"; privateKey: string };
  rootWithPassphrase: { username: "root"; privateKey: string; passphrase: string };
  passwordUser: { username: string; password: string };
  hostKeyFingerprint(): Promise<string>;
  hostKeyListing(): Promise<string>;
  hostKeyType(): string;
  /** Like a host going down: the listener and every open session are killed. */
  stop(): Promise<void>;
  start(): Promise<void>;
  regenerateHostKey(type?: HostKeyType): Promise<void>;
  writeShim(name: string, body: string): Promise<void>;
  exec(command: string): Promise<ExecResult>;
  dispose(): Promise<void>;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  code: number;
}

const SSHD = "/usr/sbin/sshd";
const LOOPBACK = "127.0.0.1";
const PASSWORD_USER = "armdeck-test";
const READY_TIMEOUT_MS = 10_000;
const INSTALL_HINT = "run e2e/install-test-deps.sh as root";

interface ClientKeys {
  dir: string;
  rootKeyFile: string;
  rootKey: string;
  passphraseKeyFile: string;
  passphraseKey: string;
  passphrase: string;
  authorizedKeys: string;
}

const liveHosts = new Set<HostImpl>();
let clientKeys: Promise<ClientKeys> | undefined;
let clientKeysDir: string | undefined;
let passwordUser: Promise<{ username: string; password: string }> | undefined;

function run(file: string, args: string[], input?: string): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== "number") return reject(err);
      resolve({ stdout, stderr, code: err ? (err.code as number) : 0 });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

async function runOk(file: string, args: string[], input?: string): Promise<string> {
  const r = await run(file, args, input).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") throw new Error(`${file} not found: ${INSTALL_HINT}`);
    throw err;
  });
  if (r.code !== 0) throw new Error(`${file} ${args.join(" ")} exited ${r.code}: ${r.stderr.trim()}`);
  return r.stdout;
}

async function checkPrerequisites(): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new Error("sshd test hosts need root (they log in as root and create a local user)");
  }
  try {
    await access(SSHD);
  } catch {
    throw new Error(`sshd not installed (${SSHD} missing): ${INSTALL_HINT}`);
  }
  // sshd exits at once without its privilege-separation dir; /run is wiped on every boot.
  await mkdir("/run/sshd", { recursive: true, mode: 0o755 });
}

async function keygen(file: string, type: HostKeyType, passphrase: string, comment: string): Promise<void> {
  await runOk("ssh-keygen", ["-q", "-t", type, "-N", passphrase, "-C", comment, "-f", file]);
}

// Key generation is the slowest part of starting a host, and tests only need keys that work,
// not keys unique to each host.
function getClientKeys(): Promise<ClientKeys> {
  clientKeys ??= (async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "armdeck-sshd-keys-"));
    clientKeysDir = dir;
    const rootKeyFile = path.join(dir, "id_root");
    const passphraseKeyFile = path.join(dir, "id_root_passphrase");
    const passphrase = randomBytes(12).toString("hex");
    await Promise.all([
      keygen(rootKeyFile, "ed25519", "", "armdeck-test"),
      keygen(passphraseKeyFile, "ed25519", passphrase, "armdeck-test"),
    ]);
    const [rootKey, passphraseKey, rootPub, passphrasePub] = await Promise.all([
      readFile(rootKeyFile, "utf8"),
      readFile(passphraseKeyFile, "utf8"),
      readFile(`${rootKeyFile}.pub`, "utf8"),
      readFile(`${passphraseKeyFile}.pub`, "utf8"),
    ]);
    return {
      dir, rootKeyFile, rootKey, passphraseKeyFile, passphraseKey, passphrase,
      authorizedKeys: rootPub.trim() + "\n" + passphrasePub.trim() + "\n",
    };
  })();
  clientKeys.catch(() => (clientKeys = undefined));
  return clientKeys;
}

// One password per process: every host shares the same local user, and resetting it per host
// would invalidate credentials handed to hosts started earlier. Test files running in parallel
// processes would overwrite each other's password (vitest.config.ts runs files one at a time).
function getPasswordUser(): Promise<{ username: string; password: string }> {
  passwordUser ??= (async () => {
    const exists = await run("id", ["-u", PASSWORD_USER]);
    if (exists.code !== 0) {
      const r = await run("useradd", ["-M", "-s", "/bin/sh", PASSWORD_USER]);
      // 9 = already exists: another process created it between our check and now.
      if (r.code !== 0 && r.code !== 9) throw new Error(`useradd ${PASSWORD_USER} failed: ${r.stderr.trim()}`);
    }
    const password = randomBytes(12).toString("base64url");
    await runOk("chpasswd", [], `${PASSWORD_USER}:${password}\n`);
    return { username: PASSWORD_USER, password };
  })();
  passwordUser.catch(() => (passwordUser = undefined));
  return passwordUser;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, LOOPBACK, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const closedPort = freePort;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Resolves "banner" once an SSH server greets us, "refused" if nothing listens, "other" otherwise. */
function probe(port: number): Promise<"banner" | "refused" | "other"> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: LOOPBACK, port });
    let data = "";
    const done = (result: "banner" | "refused" | "other") => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(2000, () => done("other"));
    socket.on("data", (chunk) => {
      data += chunk.toString("latin1");
      if (data.includes("SSH-2.0")) done("banner");
    });
    socket.on("error", (err: NodeJS.ErrnoException) => done(err.code === "ECONNREFUSED" ? "refused" : "other"));
    socket.on("close", () => done("other"));
  });
}

async function processState(pid: number): Promise<{ ppid: number; state: string } | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may itself contain spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0] ?? "", ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

// A zombie counts as dead: pid 1 in containers does not always reap the daemonized sshd.
async function isAlive(pid: number): Promise<boolean> {
  const st = await processState(pid);
  return st !== undefined && st.state !== "Z";
}

// Per-connection sshd processes outlive the listener; a host that "goes down" must take them
// (and the commands they run) with it, or the app's open connections would never notice.
async function descendants(root: number): Promise<number[]> {
  const children = new Map<number, number[]>();
  for (const entry of await readdir("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const st = await processState(pid);
    if (!st) continue;
    const list = children.get(st.ppid) ?? [];
    list.push(pid);
    children.set(st.ppid, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

async function anyProcessMentions(text: string): Promise<boolean> {
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (cmdline.includes(text)) return true;
  }
  return false;
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

class HostImpl implements TestSshHost {
  readonly address = LOOPBACK;
  readonly shimDir: string;
  readonly logFile: string;
  readonly root: TestSshHost["root"];
  readonly rootWithPassphrase: TestSshHost["rootWithPassphrase"];
  pid: number | undefined;
  private keyType: HostKeyType;
  private readonly configFile: string;
  private readonly pidFile: string;

  constructor(
    readonly dir: string,
    public port: number,
    readonly arch: Arch,
    keyType: HostKeyType,
    private readonly keys: ClientKeys,
    readonly passwordUser: { username: string; password: string },
  ) {
    this.keyType = keyType;
    this.shimDir = path.join(dir, "shim");
    this.logFile = path.join(dir, "sshd.log");
    this.configFile = path.join(dir, "sshd_config");
    this.pidFile = path.join(dir, "sshd.pid");
    this.root = { username: "root", privateKey: keys.rootKey };
    this.rootWithPassphrase = { username: "root", privateKey: keys.passphraseKey, passphrase: keys.passphrase };
  }

  private get hostKeyFile(): string {
    return path.join(this.dir, `host_${this.keyType}`);
  }

  async writeShim(name: string, body: string): Promise<void> {
    if (!name || name.includes("/")) throw new Error(`invalid shim name: ${JSON.stringify(name)}`);
    const file = path.join(this.shimDir, name);
    await writeFile(file, body);
    await chmod(file, 0o755);
  }

  async generateHostKey(): Promise<void> {
    await keygen(this.hostKeyFile, this.keyType, "", "armdeck-test-host");
  }

  async writeConfig(): Promise<void> {
    const config = [
      `ListenAddress ${LOOPBACK}`,
      `Port ${this.port}`,
      `HostKey ${this.hostKeyFile}`,
      `AuthorizedKeysFile ${path.join(this.dir, "authorized_keys")}`,
      `PidFile ${this.pidFile}`,
      // The temp dir is shared with the unprivileged password user; sshd would reject it.
      "StrictModes no",
      "UsePAM no",
      "PasswordAuthentication yes",
      "PermitRootLogin yes",
      "KbdInteractiveAuthentication no",
      `SetEnv PATH=${this.shimDir}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
      // Our own config replaces Debian's, which is where the sftp subsystem is normally declared.
      "Subsystem sftp internal-sftp",
      "LogLevel VERBOSE",
      // Tests open many connections at once; sshd's default (10:30:100) drops some at random.
      "MaxStartups 100:30:200",
      "MaxSessions 50",
      "PrintMotd no",
      "PrintLastLog no",
      "",
    ].join("\n");
    await writeFile(this.configFile, config);
  }

  private async logTail(): Promise<string> {
    const log = await readFile(this.logFile, "utf8").catch(() => "");
    return log.trim().split("\n").slice(-15).join("\n");
  }

  async start(): Promise<void> {
    if (this.pid !== undefined && (await isAlive(this.pid))) return;
    await mkdir("/run/sshd", { recursive: true, mode: 0o755 });
    await rm(this.pidFile, { force: true });
    const r = await run(SSHD, ["-f", this.configFile, "-E", this.logFile]);
    if (r.code !== 0) {
      throw new Error(`sshd on port ${this.port} failed to start (exit ${r.code}): ${r.stderr.trim()}\n${await this.logTail()}`);
    }
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.pid === undefined) {
        const text = await readFile(this.pidFile, "utf8").catch(() => "");
        if (text.trim()) this.pid = Number(text.trim());
        // sshd daemonizes before binding, so a bind failure leaves a zero exit code and no
        // PidFile; only the absence of any process using our config tells it died.
        else if (!(await anyProcessMentions(this.configFile))) break;
      }
      if (this.pid !== undefined && !(await isAlive(this.pid))) break;
      if (this.pid !== undefined && (await probe(this.port)) === "banner") return;
      await sleep(25);
    }
    const pid = this.pid;
    this.pid = undefined;
    if (pid !== undefined) kill(pid, "SIGKILL");
    throw new Error(`sshd on ${LOOPBACK}:${this.port} did not come up; ${this.logFile}:\n${await this.logTail()}`);
  }

  async stop(): Promise<void> {
    const pid = this.pid ?? Number((await readFile(this.pidFile, "utf8").catch(() => "")).trim() || NaN);
    this.pid = undefined;
    await rm(this.pidFile, { force: true });
    if (!Number.isInteger(pid) || !(await isAlive(pid))) return;
    const sessions = await descendants(pid);
    kill(pid, "SIGTERM");
    for (const child of sessions) kill(child, "SIGKILL");
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while ((await isAlive(pid)) && Date.now() < deadline) await sleep(20);
    if (await isAlive(pid)) kill(pid, "SIGKILL");
    while ((await probe(this.port)) !== "refused") {
      if (Date.now() > deadline) throw new Error(`port ${this.port} still accepts connections after stopping sshd`);
      await sleep(20);
    }
  }

  async regenerateHostKey(type?: HostKeyType): Promise<void> {
    await this.stop();
    // The file name carries the type, so the old pair must go before the type changes.
    for (const f of [this.hostKeyFile, `${this.hostKeyFile}.pub`]) await rm(f, { force: true });
    if (type) this.keyType = type;
    await this.generateHostKey();
    await this.writeConfig();
    await this.start();
  }

  async hostKeyListing(): Promise<string> {
    return (await runOk("ssh-keygen", ["-lf", `${this.hostKeyFile}.pub`])).trim();
  }

  async hostKeyFingerprint(): Promise<string> {
    const listing = await this.hostKeyListing();
    const fingerprint = listing.split(/\s+/)[1];
    if (!fingerprint?.startsWith("SHA256:")) throw new Error(`unexpected ssh-keygen -lf output: ${listing}`);
    return fingerprint;
  }

  hostKeyType(): string {
    return { ed25519: "ED25519", rsa: "RSA", ecdsa: "ECDSA" }[this.keyType];
  }

  exec(command: string): Promise<ExecResult> {
    return run("ssh", [
      "-F", "/dev/null",
      "-i", this.keys.rootKeyFile,
      "-o", "IdentitiesOnly=yes",
      "-o", "StrictHostKeyChecking=no",
      "-o", "UserKnownHostsFile=/dev/null",
      "-o", "BatchMode=yes",
      "-o", "LogLevel=ERROR",
      "-o", "ConnectTimeout=10",
      "-p", String(this.port),
      `root@${LOOPBACK}`,
      command,
    ]);
  }

  async dispose(): Promise<void> {
    liveHosts.delete(this);
    try {
      await this.stop();
    } finally {
      await rm(this.dir, { recursive: true, force: true });
    }
  }
}

export async function startTestSshHost(opts: StartOptions = {}): Promise<TestSshHost> {
  await checkPrerequisites();
  const [keys, user] = await Promise.all([getClientKeys(), getPasswordUser()]);
  const dir = await mkdtemp(path.join(os.tmpdir(), "armdeck-sshd-"));
  // The password user's shell must be able to run the shims, so the dir cannot stay 0700;
  // the private host key inside is still 0600.
  await chmod(dir, 0o755);
  const host = new HostImpl(dir, opts.port ?? (await freePort()), opts.arch ?? "x86_64", opts.hostKeyType ?? "ed25519", keys, user);
  liveHosts.add(host);
  try {
    await mkdir(host.shimDir, { mode: 0o755 });
    const shims = { ...archShims(host.arch), ...opts.extraShims };
    for (const [name, body] of Object.entries(shims)) await host.writeShim(name, body);
    await writeFile(path.join(dir, "authorized_keys"), keys.authorizedKeys);
    await host.generateHostKey();
    // freePort() releases the port before sshd binds it, so another process can win the race;
    // pick again unless the caller asked for this exact port.
    for (let attempt = 1; ; attempt++) {
      await host.writeConfig();
      try {
        await host.start();
        return host;
      } catch (err) {
        const log = await readFile(host.logFile, "utf8").catch(() => "");
        if (opts.port !== undefined || attempt >= 3 || !/Address already in use/.test(log)) throw err;
        host.port = await freePort();
      }
    }
  } catch (err) {
    await host.dispose().catch(() => {});
    throw err;
  }
}

export async function stopAllTestSshHosts(): Promise<void> {
  const results = await Promise.allSettled([...liveHosts].map((h) => h.dispose()));
  clientKeys = undefined;
  if (clientKeysDir) await rm(clientKeysDir, { recursive: true, force: true });
  clientKeysDir = undefined;
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

// Last resort if a test run dies before its afterAll: daemonized sshds would otherwise keep
// their ports and temp dirs forever. Sessions end by themselves once this process's sockets close.
process.once("exit", () => {
  for (const host of liveHosts) {
    if (host.pid !== undefined) kill(host.pid, "SIGTERM");
    rmSync(host.dir, { recursive: true, force: true });
  }
  if (clientKeysDir) rmSync(clientKeysDir, { recursive: true, force: true });
});
