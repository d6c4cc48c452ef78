// Real OpenSSH servers on loopback for integration tests: each host is Debian's own sshd with a
// private config, host key and PATH shims, so the app's SSH code is tested against the same
// server it meets in production rather than a mock. Needs root (it logs in as root and creates a
// local password user) and e2e/install-test-deps.sh.

import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { readdirSync, readFileSync, readlinkSync, realpathSync, rmSync } from "node:fs";
import { access, chmod, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from "node:fs/promises";
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
  /** Loopback address to listen on (default 127.0.0.1); see allocateLoopbackAddress(). */
  address?: string;
  /** What `hostname` / `uname -n` answer on the host (sshd then runs in its own UTS namespace). */
  hostname?: string;
  /**
   * Run sshd in its own mount namespace with private copies of ISOLATED_PATHS, so several
   * hosts on this one machine each have their own /opt, /usr/local, ... like separate nodes.
   */
  isolate?: boolean;
  /** Directories searched right after the shim dir (before /usr/local/sbin and the system dirs). */
  pathAfterShims?: string[];
  /** With isolate: a file bind-mounted over the host's /etc/hosts (e.g. one shared by a cluster). */
  hostsFile?: string;
}

/**
 * Node paths an isolated host keeps to itself (everything else is this machine's, shared by all
 * hosts). /root is included so a recipe editing ~/.profile cannot touch this machine's.
 */
export const ISOLATED_PATHS: readonly string[] = [
  "/opt",
  "/usr/local",
  "/var/lib/armdeck",
  "/var/lib/mesos",
  "/var/log/armdeck",
  "/etc/armdeck",
  "/etc/apt/sources.list.d",
  "/run/weave",
  "/var/run/weave",
  "/var/lib/armdeck-shims",
  "/root",
];

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
  /** What the host answers to `hostname` (this machine's name unless the hostname option was given). */
  hostname: string;
  /** Folder holding the host's private trees (rootDir + "/opt" is its /opt); undefined unless isolated. */
  rootDir: string | undefined;
  /** Where a path on the host really is on this machine (unchanged for paths the host shares). */
  hostPath(p: string): string;
  hostKeyFingerprint(): Promise<string>;
  hostKeyListing(): Promise<string>;
  hostKeyType(): string;
  /**
   * Like sshd going down: the listener and every open session are killed, but not processes that
   * detached into their own session (setsid), which keep running as they would on a real machine.
   */
  stop(): Promise<void>;
  start(): Promise<void>;
  regenerateHostKey(type?: HostKeyType): Promise<void>;
  writeShim(name: string, body: string): Promise<void>;
  exec(command: string): Promise<ExecResult>;
  /** stop(), then kill everything still running in the host's namespace, then delete its files. */
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

// One password for every process on the machine: every host shares the same local user, and a
// process that set its own would invalidate the credentials other test processes (a second
// checkout's tests, the demo) already handed out. The first process to need it writes it to a file
// only root can read (created exclusively, so two processes cannot both win); the others adopt it.
const PASSWORD_FILE = path.join(os.tmpdir(), `${PASSWORD_USER}.password`);

async function sharedPassword(): Promise<string> {
  const mine = randomBytes(12).toString("base64url");
  try {
    await writeFile(PASSWORD_FILE, mine, { flag: "wx", mode: 0o600 });
    return mine;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  // Written by another process; it may still be writing it.
  for (let i = 0; i < 50; i++) {
    const text = (await readFile(PASSWORD_FILE, "utf8")).trim();
    if (/^[A-Za-z0-9_-]{16}$/.test(text)) return text;
    await sleep(20);
  }
  throw new Error(`${PASSWORD_FILE} does not hold a password; delete it`);
}

function getPasswordUser(): Promise<{ username: string; password: string }> {
  passwordUser ??= (async () => {
    const exists = await run("id", ["-u", PASSWORD_USER]);
    if (exists.code !== 0) {
      const r = await run("useradd", ["-M", "-s", "/bin/sh", PASSWORD_USER]);
      // 9 = already exists: another process created it between our check and now.
      if (r.code !== 0 && r.code !== 9) throw new Error(`useradd ${PASSWORD_USER} failed: ${r.stderr.trim()}`);
    }
    const password = await sharedPassword();
    await runOk("chpasswd", [], `${PASSWORD_USER}:${password}\n`);
    return { username: PASSWORD_USER, password };
  })();
  passwordUser.catch(() => (passwordUser = undefined));
  return passwordUser;
}

export async function freePort(address: string = LOOPBACK): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, address, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const closedPort = (address: string = LOOPBACK): Promise<number> => freePort(address);

const allocatedAddresses = new Set<string>();

/** IPv4 addresses that some socket on this machine is bound to (from /proc/net/tcp and udp). */
function boundAddresses(): Set<string> {
  const out = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/udp"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const hex = line.trim().split(/\s+/)[1]?.split(":")[0];
      if (!hex || hex.length !== 8) continue;
      // The kernel prints the address in host (little-endian) byte order.
      const bytes = [6, 4, 2, 0].map((i) => parseInt(hex.slice(i, i + 2), 16));
      out.add(bytes.join("."));
    }
  }
  return out;
}

/**
 * A random 127.x.y.z (x in 100..199) that nothing listens on yet. Every address in 127/8 reaches
 * this machine, so each test host can own one and its services can use their real default ports
 * (2181, 5050, 8080...) without colliding with other hosts; the random pick keeps test files that
 * run in parallel processes apart.
 */
export function allocateLoopbackAddress(): string {
  const busy = boundAddresses();
  for (let attempt = 0; attempt < 1000; attempt++) {
    const address = `127.${randomInt(100, 200)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    if (allocatedAddresses.has(address) || busy.has(address)) continue;
    allocatedAddresses.add(address);
    return address;
  }
  throw new Error("no free loopback address found in 127.100.0.0-127.199.255.255");
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Resolves "banner" once an SSH server greets us, "refused" if nothing listens, "other" otherwise. */
function probe(address: string, port: number): Promise<"banner" | "refused" | "other"> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
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

interface ProcState {
  comm: string;
  state: string;
  ppid: number;
  session: number;
}

async function processState(pid: number): Promise<ProcState | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may itself contain spaces or parentheses.
    const close = stat.lastIndexOf(")");
    const fields = stat.slice(close + 2).split(" ");
    return {
      comm: stat.slice(stat.indexOf("(") + 1, close),
      state: fields[0] ?? "",
      ppid: Number(fields[1]),
      session: Number(fields[3]),
    };
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
// A process that made itself a session leader under anything but sshd (setsid, a daemon's
// double fork) has detached from the login session: on a real machine it outlives sshd, and the
// app relies on that for long jobs, so it and its children are left alone.
async function descendants(root: number): Promise<number[]> {
  const children = new Map<number, number[]>();
  const states = new Map<number, ProcState>();
  for (const entry of await readdir("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const st = await processState(pid);
    if (!st) continue;
    states.set(pid, st);
    const list = children.get(st.ppid) ?? [];
    list.push(pid);
    children.set(st.ppid, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const child of children.get(parent) ?? []) {
      const st = states.get(child);
      if (st && st.session === child && states.get(parent)?.comm !== "sshd") continue;
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

type NamespaceType = "mnt" | "uts";

async function namespaceMembers(type: NamespaceType, id: string): Promise<number[]> {
  const out: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const ns = await readlink(`/proc/${entry}/ns/${type}`).catch(() => "");
    if (ns === id) out.push(Number(entry));
  }
  return out;
}

function namespaceMembersSync(type: NamespaceType, id: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/ns/${type}`) === id) out.push(Number(entry));
    } catch {
      // exited meanwhile
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

// Keeps a host's namespaces alive between sshd restarts, so processes started in one sshd
// lifetime and the next share the same /opt, hostname, ... like one machine across reboots of
// its sshd. Its stdin is a pipe from this process: EOF means we died without dispose(), and the
// script then kills everything in the namespace rather than leave sshd, ZooKeeper... behind.
const HOLDER_SCRIPT = `set -e
ns_type=$1; name=$2; shift 2
if [ -n "$name" ]; then hostname "$name"; fi
while [ $# -ge 2 ]; do
  [ -e "$1" ] || mkdir -p "$1"
  [ -e "$2" ] || mkdir -p "$2"
  mount --bind "$1" "$2"
  shift 2
done
echo ready
set +e
cat >/dev/null
me=$(readlink /proc/$$/ns/$ns_type)
for p in /proc/[0-9]*; do
  pid=\${p#/proc/}
  [ "$pid" = "$$" ] && continue
  [ "$(readlink "$p/ns/$ns_type" 2>/dev/null)" = "$me" ] && kill -9 "$pid" 2>/dev/null
done
exit 0
`;

interface Namespace {
  holder: ChildProcess;
  pid: number;
  type: NamespaceType;
  /** readlink of /proc/<pid>/ns/<type>, e.g. "mnt:[4026532301]" */
  id: string;
}

interface Mount {
  /** Path as the host sees it (canonical: /var/run/weave is /run/weave). */
  node: string;
  /** Where it really is on this machine. */
  source: string;
}

/** Private source folder for each isolated path, keyed by the path's canonical form. */
function isolatedMounts(rootDir: string, hostsFile: string | undefined): Mount[] {
  const seen = new Set<string>();
  const out: Mount[] = [];
  for (const p of ISOLATED_PATHS) {
    const node = canonicalNodePath(p);
    if (seen.has(node)) continue;
    seen.add(node);
    out.push({ node, source: path.join(rootDir, node) });
  }
  if (hostsFile) out.push({ node: "/etc/hosts", source: hostsFile });
  return out;
}

// /var/run is a symlink to /run on Debian; both names must map to the same private folder.
function canonicalNodePath(p: string): string {
  const norm = path.posix.normalize(p);
  let parent = path.posix.dirname(norm);
  try {
    parent = realpathSync(parent);
  } catch {
    // parent missing: keep the name as given
  }
  return path.posix.join(parent, path.posix.basename(norm));
}

class HostImpl implements TestSshHost {
  readonly shimDir: string;
  readonly logFile: string;
  readonly root: TestSshHost["root"];
  readonly rootWithPassphrase: TestSshHost["rootWithPassphrase"];
  readonly hostname: string;
  readonly rootDir: string | undefined;
  pid: number | undefined;
  ns: Namespace | undefined;
  private keyType: HostKeyType;
  private readonly configFile: string;
  private readonly pidFile: string;
  private readonly mounts: Mount[];

  constructor(
    readonly dir: string,
    readonly address: string,
    public port: number,
    readonly arch: Arch,
    keyType: HostKeyType,
    private readonly keys: ClientKeys,
    readonly passwordUser: { username: string; password: string },
    private readonly opts: StartOptions,
  ) {
    this.keyType = keyType;
    this.shimDir = path.join(dir, "shim");
    this.logFile = path.join(dir, "sshd.log");
    this.configFile = path.join(dir, "sshd_config");
    this.pidFile = path.join(dir, "sshd.pid");
    this.root = { username: "root", privateKey: keys.rootKey };
    this.rootWithPassphrase = { username: "root", privateKey: keys.passphraseKey, passphrase: keys.passphrase };
    this.hostname = opts.hostname ?? os.hostname();
    this.rootDir = opts.isolate ? path.join(dir, "fs") : undefined;
    this.mounts = this.rootDir ? isolatedMounts(this.rootDir, opts.hostsFile) : [];
  }

  hostPath(p: string): string {
    if (!path.posix.isAbsolute(p)) throw new Error(`hostPath needs an absolute path, got ${JSON.stringify(p)}`);
    if (!this.rootDir) return p;
    const node = canonicalNodePath(p);
    for (const mount of this.mounts) {
      if (node === mount.node) return mount.source;
      if (node.startsWith(mount.node + "/")) return path.join(mount.source, node.slice(mount.node.length));
    }
    return p;
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
    const pathDirs = [this.shimDir, ...(this.opts.pathAfterShims ?? []), "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];
    const config = [
      `ListenAddress ${this.address}`,
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
      `SetEnv PATH=${pathDirs.join(":")}`,
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

  /** Creates the namespace holder; a no-op for plain hosts. */
  async createNamespace(): Promise<void> {
    if (!this.opts.isolate && this.opts.hostname === undefined) return;
    const type: NamespaceType = this.opts.isolate ? "mnt" : "uts";
    const mountArgs: string[] = [];
    if (this.rootDir) {
      for (const { node, source } of this.mounts) {
        // A fresh node's /root is private to root; everything else is world-readable.
        if (node !== "/etc/hosts") await mkdir(source, { recursive: true, mode: node === "/root" ? 0o700 : 0o755 });
        mountArgs.push(source, node);
      }
      // make install and the app expect the usual /usr/local skeleton of a Debian machine.
      for (const sub of ["bin", "etc", "games", "include", "lib", "man", "sbin", "share", "src"]) {
        await mkdir(path.join(this.rootDir, "usr/local", sub), { recursive: true });
      }
    }
    const unshareArgs = this.opts.isolate ? ["--mount", "--uts", "--propagation", "private"] : ["--uts"];
    const holder = spawn("unshare", [...unshareArgs, "--", "/bin/sh", "-c", HOLDER_SCRIPT, "holder", type, this.opts.hostname ?? "", ...mountArgs], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    holder.stdout!.on("data", (d) => (out += String(d)));
    holder.stderr!.on("data", (d) => (err += String(d)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`namespace setup timed out: ${err.trim()}`)), READY_TIMEOUT_MS);
      const check = () => {
        if (out.includes("ready\n")) {
          clearTimeout(timer);
          resolve();
        }
      };
      holder.stdout!.on("data", check);
      holder.once("error", (e) => (clearTimeout(timer), reject(e)));
      holder.once("exit", (code) => (clearTimeout(timer), reject(new Error(`namespace setup failed (exit ${code}): ${err.trim()}`))));
    });
    const pid = holder.pid!;
    const id = await readlink(`/proc/${pid}/ns/${type}`);
    if (id === (await readlink(`/proc/self/ns/${type}`))) {
      kill(pid, "SIGKILL");
      throw new Error(`unshare did not create a new ${type} namespace`);
    }
    holder.removeAllListeners("exit");
    holder.stdout!.destroy();
    holder.stderr!.destroy();
    // Neither the holder nor its pipe may keep the test process alive.
    holder.unref();
    (holder.stdin as unknown as { unref?: () => void }).unref?.();
    this.ns = { holder, pid, type, id };
  }

  private async logTail(): Promise<string> {
    const log = await readFile(this.logFile, "utf8").catch(() => "");
    return log.trim().split("\n").slice(-15).join("\n");
  }

  async start(): Promise<void> {
    if (this.pid !== undefined && (await isAlive(this.pid))) return;
    await mkdir("/run/sshd", { recursive: true, mode: 0o755 });
    await rm(this.pidFile, { force: true });
    const sshdArgs = ["-f", this.configFile, "-E", this.logFile];
    let r: ExecResult;
    if (this.ns) {
      if ((await readlink(`/proc/${this.ns.pid}/ns/${this.ns.type}`).catch(() => "")) !== this.ns.id) {
        throw new Error(`the namespace of test host ${this.hostname} is gone (disposed?)`);
      }
      const enter = this.ns.type === "mnt" ? ["--mount", "--uts"] : ["--uts"];
      r = await run("nsenter", ["--target", String(this.ns.pid), ...enter, "--", SSHD, ...sshdArgs]);
    } else {
      r = await run(SSHD, sshdArgs);
    }
    if (r.code !== 0) {
      throw new Error(`sshd on ${this.address}:${this.port} failed to start (exit ${r.code}): ${r.stderr.trim()}\n${await this.logTail()}`);
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
      if (this.pid !== undefined && (await probe(this.address, this.port)) === "banner") return;
      await sleep(25);
    }
    const pid = this.pid;
    this.pid = undefined;
    if (pid !== undefined) kill(pid, "SIGKILL");
    throw new Error(`sshd on ${this.address}:${this.port} did not come up; ${this.logFile}:\n${await this.logTail()}`);
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
    // SIGKILL is delivered asynchronously: under load a session can still be running when kill()
    // returns, and a host that is "down" must not have its sessions' commands still alive.
    for (const child of sessions) {
      while ((await isAlive(child)) && Date.now() < deadline) await sleep(20);
      if (await isAlive(child)) throw new Error(`session process ${child} of ${this.address}:${this.port} survived SIGKILL`);
    }
    while ((await probe(this.address, this.port)) !== "refused") {
      if (Date.now() > deadline) throw new Error(`${this.address}:${this.port} still accepts connections after stopping sshd`);
      await sleep(20);
    }
  }

  /** Kills every process in the host's namespace, detached ones included. */
  async killNamespace(): Promise<void> {
    const ns = this.ns;
    if (!ns) return;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const members = await namespaceMembers(ns.type, ns.id);
      if (members.length === 0) break;
      if (Date.now() > deadline) throw new Error(`processes ${members.join(", ")} of test host ${this.hostname} survived SIGKILL`);
      for (const pid of members) kill(pid, "SIGKILL");
      await sleep(25);
    }
    this.ns = undefined;
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
      `root@${this.address}`,
      command,
    ]);
  }

  async dispose(): Promise<void> {
    liveHosts.delete(this);
    try {
      await this.stop();
      await this.killNamespace();
    } finally {
      await rm(this.dir, { recursive: true, force: true });
    }
  }

  /** For the exit handler: no awaiting possible there. */
  killAllSync(): void {
    if (this.pid !== undefined) kill(this.pid, "SIGTERM");
    if (this.ns) for (const pid of namespaceMembersSync(this.ns.type, this.ns.id)) kill(pid, "SIGKILL");
  }
}

export async function startTestSshHost(opts: StartOptions = {}): Promise<TestSshHost> {
  await checkPrerequisites();
  const address = opts.address ?? LOOPBACK;
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address)) throw new Error(`test hosts listen on loopback only, not ${address}`);
  const [keys, user] = await Promise.all([getClientKeys(), getPasswordUser()]);
  const dir = await mkdtemp(path.join(os.tmpdir(), "armdeck-sshd-"));
  // The password user's shell must be able to run the shims, so the dir cannot stay 0700;
  // the private host key inside is still 0600.
  await chmod(dir, 0o755);
  const host = new HostImpl(dir, address, opts.port ?? (await freePort(address)), opts.arch ?? "x86_64", opts.hostKeyType ?? "ed25519", keys, user, opts);
  liveHosts.add(host);
  try {
    await mkdir(host.shimDir, { mode: 0o755 });
    const shims = { ...archShims(host.arch), ...opts.extraShims };
    for (const [name, body] of Object.entries(shims)) await host.writeShim(name, body);
    await writeFile(path.join(dir, "authorized_keys"), keys.authorizedKeys);
    // Both must have finished before a failure tears the dir down under the other.
    const setup = await Promise.allSettled([host.generateHostKey(), host.createNamespace()]);
    const setupFailure = setup.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (setupFailure) throw setupFailure.reason;
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
        host.port = await freePort(address);
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

// Last resort if a test run dies before its afterAll: daemonized sshds (and whatever runs in a
// host's namespace) would otherwise keep their ports and temp dirs forever. Sessions end by
// themselves once this process's sockets close.
process.once("exit", () => {
  for (const host of liveHosts) {
    host.killAllSync();
    rmSync(host.dir, { recursive: true, force: true });
  }
  if (clientKeysDir) rmSync(clientKeysDir, { recursive: true, force: true });
});
