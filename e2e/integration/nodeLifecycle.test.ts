// The node services against real sshd hosts and a real SQLite file (no HTTP): probe, add, facts,
// failures an operator meets, host key change and re-pin.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort, startTestSshHost, stopAllTestSshHosts, type TestSshHost } from "../harness/sshHosts";
import { useFreshTestDatabase } from "../harness/testDatabase";

const dataDir = useFreshTestDatabase();
const { createNode } = await import("../../lib/nodes/createNode.ts");
const { probeHostKey } = await import("../../lib/nodes/probeHostKey.ts");
const { checkNode } = await import("../../lib/nodes/checkNode.ts");
const { repinHostKey } = await import("../../lib/nodes/repinHostKey.ts");
const { updateNode } = await import("../../lib/nodes/updateNode.ts");
const { listNodes } = await import("../../lib/nodes/listNodes.ts");
const { db, dbReady } = await import("../../lib/db/client.ts");

const actor = { username: "tester", ip: "127.0.0.1" };
let arm: TestSshHost;
let x86: TestSshHost;

beforeAll(async () => {
  await dbReady();
  [arm, x86] = await Promise.all([startTestSshHost({ arch: "aarch64" }), startTestSshHost({ arch: "x86_64", hostKeyType: "rsa" })]);
});
afterAll(async () => {
  await stopAllTestSshHosts();
  await db.$disconnect();
});

const keyAuth = (h: TestSshHost) => ({ kind: "key" as const, privateKey: h.root.privateKey });
const conn = (h: TestSshHost) => ({ address: h.address, port: h.port, username: "root", auth: keyAuth(h) });

describe("probe", () => {
  it("shows the host key exactly as ssh-keygen -lf prints it", async () => {
    for (const host of [arm, x86]) {
      const { hostKey: key } = await probeHostKey(conn(host), actor);
      const listing = await host.hostKeyListing(); // e.g. "3072 SHA256:… comment (RSA)"
      const [bits, fingerprint] = listing.split(" ");
      expect(key.fingerprint).toBe(fingerprint);
      expect(key.bits).toBe(Number(bits));
      expect(listing.endsWith(`(${key.type})`)).toBe(true);
    }
  });

  it("says plainly when nothing listens", async () => {
    const port = await closedPort();
    await expect(probeHostKey({ ...conn(arm), port }, actor)).rejects.toMatchObject({ kind: "refused", message: expect.stringMatching(/refused the connection/) });
  });
});

describe("add", () => {
  it("adds an aarch64 node with a key, pinned, with its facts", async () => {
    const fingerprint = await arm.hostKeyFingerprint();
    const node = await createNode({ ...conn(arm), name: "od1000-1", role: "both", hostKeyFingerprint: fingerprint }, actor);
    expect(node.facts?.arch).toBe("aarch64");
    expect(node.facts?.cpus).toBeGreaterThan(0);
    expect(node.facts?.sudo).toBe("root");
    expect(node.hostKey.fingerprint).toBe(fingerprint);
    expect(JSON.stringify(node)).not.toContain("PRIVATE KEY");
  });

  it("adds an x86_64 node with a passphrase-protected key", async () => {
    const node = await createNode(
      {
        address: x86.address,
        port: x86.port,
        username: "root",
        auth: { kind: "key", privateKey: x86.rootWithPassphrase.privateKey, passphrase: x86.rootWithPassphrase.passphrase },
        name: "od1000-0",
        role: "agent",
        hostKeyFingerprint: await x86.hostKeyFingerprint(),
      },
      actor,
    );
    expect(node.facts?.arch).toBe("x86_64");
  });

  it("adds a node with a password, as a user without sudo", async () => {
    const node = await createNode(
      {
        address: arm.address,
        port: arm.port,
        username: arm.passwordUser.username,
        auth: { kind: "password", password: arm.passwordUser.password },
        name: "pw-node",
        role: "agent",
        allowDuplicate: true, // the machine od1000-1 is on, as another user
        hostKeyFingerprint: await arm.hostKeyFingerprint(),
      },
      actor,
    );
    expect(node.authKind).toBe("password");
    expect(node.facts?.sudo).toBe("needs-password");
  });

  it("refuses a wrong password and saves nothing", async () => {
    const before = (await listNodes()).length;
    await expect(
      createNode(
        { address: arm.address, port: arm.port, username: arm.passwordUser.username, auth: { kind: "password", password: "wrong-password" }, name: "bad-pw", role: "agent", allowDuplicate: true, hostKeyFingerprint: await arm.hostKeyFingerprint() },
        actor,
      ),
    ).rejects.toMatchObject({ kind: "auth_failed", message: expect.stringMatching(/refused the credentials/) });
    expect((await listNodes()).length).toBe(before);
  });

  it("asks for the passphrase of an encrypted key, and refuses a wrong one", async () => {
    const base = { address: x86.address, port: x86.port, username: "root", name: "enc", role: "agent" as const, hostKeyFingerprint: await x86.hostKeyFingerprint() };
    await expect(createNode({ ...base, auth: { kind: "key", privateKey: x86.rootWithPassphrase.privateKey } }, actor)).rejects.toMatchObject({ kind: "passphrase_required" });
    await expect(createNode({ ...base, auth: { kind: "key", privateKey: x86.rootWithPassphrase.privateKey, passphrase: "not-it" } }, actor)).rejects.toMatchObject({ kind: "invalid_key" });
  });

  it("refuses to log in when the confirmed fingerprint is not the host's", async () => {
    const wrong = "SHA256:" + "A".repeat(43);
    await expect(createNode({ ...conn(arm), name: "mitm", role: "agent", hostKeyFingerprint: wrong, allowDuplicate: true }, actor)).rejects.toMatchObject({ kind: "host_key_changed" });
  });
});

describe("check, host key change and re-pin", () => {
  it("keeps the old credentials when new ones fail", async () => {
    const node = (await listNodes()).find((n) => n.name === "pw-node")!;
    await expect(updateNode(node.id, { auth: { kind: "password", password: "nope" } }, actor)).rejects.toMatchObject({ kind: "auth_failed" });
    const stillWorks = await checkNode(node.id, actor);
    expect(stillWorks.ok).toBe(true);
  });
  it("records an unreachable node in words, then reachable again", async () => {
    const node = (await listNodes()).find((n) => n.name === "od1000-0")!;
    await x86.stop();
    const down = await checkNode(node.id, actor);
    expect(down.ok).toBe(false);
    expect(down.node.reachable).toBe(false);
    expect(down.error?.kind).toBe("refused");
    await x86.start();
    const up = await checkNode(node.id, actor);
    expect(up.ok).toBe(true);
    expect(up.node.reachable).toBe(true);
    expect(up.node.lastError).toBeNull();
  });

  it("stops hard on a changed host key, shows both, and connects again only after a re-pin", async () => {
    const node = (await listNodes()).find((n) => n.name === "od1000-1")!;
    const pinned = await arm.hostKeyFingerprint();
    await arm.regenerateHostKey();
    const offered = await arm.hostKeyFingerprint();
    expect(offered).not.toBe(pinned);

    const outcome = await checkNode(node.id, actor);
    expect(outcome.error?.kind).toBe("host_key_changed");
    expect(outcome.error?.message).toContain(pinned);
    expect(outcome.error?.message).toContain(offered);
    expect(outcome.node.offeredHostKey?.fingerprint).toBe(offered);
    expect(outcome.node.hostKey.fingerprint).toBe(pinned);

    await expect(repinHostKey(node.id, pinned, actor)).rejects.toThrow(/nothing was changed/);
    const repinned = await repinHostKey(node.id, offered, actor);
    expect(repinned.ok).toBe(true);
    expect(repinned.node.hostKey.fingerprint).toBe(offered);
    expect(repinned.node.offeredHostKey).toBeNull();
  });

});

describe("secrets at rest", () => {
  it("never stores a password or private key in clear in the SQLite files", async () => {
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(FULL)");
    const secrets = [arm.passwordUser.password, arm.root.privateKey.split("\n")[1]!, x86.rootWithPassphrase.passphrase];
    const files = readdirSync(dataDir).filter((f) => f.startsWith("armdeck.db"));
    expect(files).toContain("armdeck.db");
    for (const file of files) {
      const bytes = readFileSync(path.join(dataDir, file)).toString("latin1");
      for (const secret of secrets) expect(bytes.includes(secret), `${secret.slice(0, 8)}… found in ${file}`).toBe(false);
    }
    const key = readFileSync(path.join(dataDir, "secret.key"));
    expect(key.length).toBeGreaterThan(0);
  });
});
