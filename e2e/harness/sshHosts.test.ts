// Proves the sshd harness with OpenSSH's own client, so a failure here is the harness's fault and
// never the app's SSH code.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { allocateLoopbackAddress, closedPort, startTestSshHost, stopAllTestSshHosts, type TestSshHost } from "./sshHosts";

interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

function run(file: string, args: string[], env?: NodeJS.ProcessEnv): Promise<Result> {
  return new Promise((resolve) => {
    execFile(file, args, { env: env ?? process.env, timeout: 20_000 }, (err, stdout, stderr) => {
      resolve({ stdout, stderr, code: err ? (typeof err.code === "number" ? err.code : -1) : 0 });
    });
  });
}

const clientOpts = (host: TestSshHost) => [
  "-F", "/dev/null",
  "-o", "StrictHostKeyChecking=no",
  "-o", "UserKnownHostsFile=/dev/null",
  "-o", "LogLevel=ERROR",
  "-p", String(host.port),
];

function connectOutcome(port: number, host = "127.0.0.1"): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    s.on("connect", () => (s.destroy(), resolve("connected")));
    s.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
  });
}

let scratch: string;
let askpass: string;
let arm: TestSshHost;
let x86: TestSshHost;

// ssh reads passphrases and passwords from a tty; SSH_ASKPASS_REQUIRE=force makes it ask this
// script instead, so both can be tested without sshpass.
function askpassEnv(secret: string): NodeJS.ProcessEnv {
  return { ...process.env, SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: "force", ARMDECK_SECRET: secret, DISPLAY: ":0" };
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "armdeck-sshd-test-"));
  askpass = path.join(scratch, "askpass");
  await writeFile(askpass, '#!/bin/sh\nprintf "%s\\n" "$ARMDECK_SECRET"\n');
  await chmod(askpass, 0o755);
  [arm, x86] = await Promise.all([
    startTestSshHost({ arch: "aarch64", extraShims: { make: "#!/bin/sh\necho fake-make \"$@\"\n" } }),
    startTestSshHost(),
  ]);
});

afterAll(async () => {
  await stopAllTestSshHosts();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("test sshd hosts", () => {
  it("reports the requested architecture through uname -m, uname -p and arch", async () => {
    const [a, b] = await Promise.all([
      arm.exec("uname -m; uname -p; arch; dpkg --print-architecture"),
      x86.exec("uname -m; uname -p; arch; dpkg --print-architecture"),
    ]);
    expect(a).toMatchObject({ code: 0, stdout: "aarch64\naarch64\naarch64\narm64\n" });
    expect(b).toMatchObject({ code: 0, stdout: "x86_64\nx86_64\nx86_64\namd64\n" });
    expect(arm.arch).toBe("aarch64");
    expect(x86.arch).toBe("x86_64");
  });

  it("leaves other uname flags to the real uname", async () => {
    const local = (await run("uname", ["-r"])).stdout;
    const r = await arm.exec("uname -r; uname -s; uname -a");
    expect(r.code).toBe(0);
    const [release, sysname, all] = r.stdout.split("\n");
    expect(release + "\n").toBe(local);
    expect(sysname).toBe("Linux");
    expect(all).toContain(" aarch64");
    expect(all).not.toContain("x86_64");
  });

  it("runs extra shims", async () => {
    expect((await arm.exec("make -j2 install")).stdout).toBe("fake-make -j2 install\n");
    expect((await x86.exec("command -v make || echo none")).stdout).not.toContain(x86.shimDir);
  });

  it("shows the host key fingerprint the ssh client sees", async () => {
    const fp = await arm.hostKeyFingerprint();
    expect(fp).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(await arm.hostKeyListing()).toMatch(new RegExp(`^256 ${fp.replace(/[+/]/g, "\\$&")} .*\\(ED25519\\)$`));
    expect(arm.hostKeyType()).toBe("ED25519");
    // ssh-keyscan fetches the key over the wire, independently of the files the harness reads.
    const scan = await run("ssh-keyscan", ["-t", "ed25519", "-p", String(arm.port), "127.0.0.1"]);
    const keyFile = path.join(scratch, "scanned");
    await writeFile(keyFile, scan.stdout);
    expect((await run("ssh-keygen", ["-lf", keyFile])).stdout).toContain(fp);
  });

  it("regenerates the host key, optionally with another type", async () => {
    const before = await x86.hostKeyFingerprint();
    await x86.regenerateHostKey();
    const after = await x86.hostKeyFingerprint();
    expect(after).toMatch(/^SHA256:/);
    expect(after).not.toBe(before);
    await x86.regenerateHostKey("rsa");
    expect(x86.hostKeyType()).toBe("RSA");
    expect(await x86.hostKeyListing()).toMatch(/\(RSA\)$/);
    expect((await x86.exec("echo ok")).stdout).toBe("ok\n");
  });

  it("stop() refuses connections and drops open sessions; start() brings the host back", async () => {
    const port = arm.port;
    await writeFile(path.join(scratch, "root"), arm.root.privateKey, { mode: 0o600 });
    const session = spawn("ssh", [...clientOpts(arm), "-i", path.join(scratch, "root"), "-o", "BatchMode=yes", "root@127.0.0.1", "echo up; sleep 60"]);
    const exited = new Promise<number | null>((resolve) => session.on("exit", (code) => resolve(code)));
    // Wait for the session to be established before pulling the plug.
    await new Promise<void>((resolve) => session.stdout.on("data", (d) => String(d).includes("up") && resolve()));
    const started = Date.now();
    await arm.stop();
    expect(await connectOutcome(port)).toBe("ECONNREFUSED");
    expect(await exited).toBe(255);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await arm.exec("true")).code).toBe(255);
    await arm.start();
    expect(arm.port).toBe(port);
    expect(await arm.exec("uname -m")).toMatchObject({ code: 0, stdout: "aarch64\n" });
  });

  it("accepts the passphrase-protected key only with its passphrase", async () => {
    const keyFile = path.join(scratch, "passphrase_key");
    await writeFile(keyFile, arm.rootWithPassphrase.privateKey, { mode: 0o600 });
    const { passphrase } = arm.rootWithPassphrase;
    const derived = await run("ssh-keygen", ["-y", "-P", passphrase, "-f", keyFile]);
    expect(derived.code).toBe(0);
    const authorized = await readFile(path.join(arm.dir, "authorized_keys"), "utf8");
    expect(authorized).toContain(derived.stdout.trim().split(" ").slice(0, 2).join(" "));
    expect((await run("ssh-keygen", ["-y", "-P", "", "-f", keyFile])).code).not.toBe(0);

    const login = (secret: string) =>
      run("ssh", [...clientOpts(arm), "-i", keyFile, "-o", "IdentitiesOnly=yes", "-o", "PasswordAuthentication=no", "-o", "NumberOfPasswordPrompts=1", "root@127.0.0.1", "whoami"], askpassEnv(secret));
    expect(await login(passphrase)).toMatchObject({ code: 0, stdout: "root\n" });
    expect((await login("wrong")).code).toBe(255);
  });

  it("lets the password user log in with its password", async () => {
    const { username, password } = arm.passwordUser;
    const login = (secret: string) =>
      run("ssh", [...clientOpts(arm), "-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=password", "-o", "NumberOfPasswordPrompts=1", `${username}@127.0.0.1`, "whoami; uname -m"], askpassEnv(secret));
    expect(await login(password)).toMatchObject({ code: 0, stdout: `${username}\naarch64\n` });
    expect((await login("wrong")).code).toBe(255);
    expect(x86.passwordUser).toEqual(arm.passwordUser);
  });

  // sshpass is optional (the harness must not install it); SSH_ASKPASS above covers the same path.
  it.skipIf(!existsSync("/usr/bin/sshpass"))("password login works through sshpass", async () => {
    const { username, password } = x86.passwordUser;
    const r = await run("sshpass", ["-p", password, "ssh", ...clientOpts(x86), "-o", "PubkeyAuthentication=no", `${username}@127.0.0.1`, "whoami"]);
    expect(r).toMatchObject({ code: 0, stdout: `${username}\n` });
  });

  it("closedPort() gives a port nobody listens on", async () => {
    expect(await connectOutcome(await closedPort())).toBe("ECONNREFUSED");
  });

  it("listens on its own loopback address and answers its own hostname", async () => {
    const address = allocateLoopbackAddress();
    expect(address).toMatch(/^127\.1\d\d\.\d{1,3}\.\d{1,3}$/);
    expect(allocateLoopbackAddress()).not.toBe(address);
    const host = await startTestSshHost({ address, hostname: "node-a", arch: "aarch64" });
    expect(host.address).toBe(address);
    const r = await host.exec("hostname; uname -n; uname -m; echo $SSH_CONNECTION | cut -d' ' -f3");
    expect(r).toMatchObject({ code: 0, stdout: `node-a\nnode-a\naarch64\n${address}\n` });
    expect(host.hostname).toBe("node-a");
    expect(os.hostname()).not.toBe("node-a");
    // Not isolated: the host shares this machine's files.
    expect(host.rootDir).toBeUndefined();
    expect(host.hostPath("/opt/x")).toBe("/opt/x");
    expect(await connectOutcome(host.port)).toBe("ECONNREFUSED");
    await host.dispose();
    expect(await connectOutcome(host.port, address)).toBe("ECONNREFUSED");
  });

  it("dispose() stops the host and removes its dir", async () => {
    const host = await startTestSshHost({ hostKeyType: "ecdsa" });
    expect(host.hostKeyType()).toBe("ECDSA");
    expect(await host.hostKeyListing()).toMatch(/\(ECDSA\)$/);
    await host.dispose();
    expect(existsSync(host.dir)).toBe(false);
    expect(await connectOutcome(host.port)).toBe("ECONNREFUSED");
  });
});
