// What a new user trips over when adding nodes, against the real server, real sshd hosts and the
// real SQLite file: the same machine enrolled twice, a taken name found only at Save, connection
// errors that name the wrong user or repeat the SSH library's words, an empty port, the offered
// key of a changed host, the time of facts after a failed check, and the favicon.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../harness/appServer";
import { TestClient } from "../harness/httpClient";
import { allocateLoopbackAddress, closedPort, freePort, startTestSshHost, stopAllTestSshHosts, type TestSshHost } from "../harness/sshHosts";

let server: AppServer;
let host: TestSshHost;
let other: TestSshHost;
let admin: TestClient;
const listeners: net.Server[] = [];

const keyAuth = (h: TestSshHost) => ({ kind: "key" as const, privateKey: h.root.privateKey });
const connection = (h: TestSshHost) => ({ address: h.address, port: h.port, username: "root", auth: keyAuth(h) });
async function nodeBody(h: TestSshHost, name: string, extra: Record<string, unknown> = {}) {
  return { ...connection(h), name, role: "agent", hostKeyFingerprint: await h.hostKeyFingerprint(), ...extra };
}
const nodeNames = async () => ((await admin.call("GET", "/api/v1/nodes")).body.nodes as { name: string }[]).map((n) => n.name);

/** A loopback TCP listener that does `onSocket` to every connection, closed after the file. */
async function listen(onSocket: (socket: net.Socket) => void, address = "127.0.0.1"): Promise<{ address: string; port: number }> {
  const port = await freePort(address);
  const srv = net.createServer(onSocket);
  await new Promise<void>((resolve) => srv.listen(port, address, resolve));
  listeners.push(srv);
  return { address, port };
}

beforeAll(async () => {
  [server, host, other] = await Promise.all([startAppServer(), startTestSshHost({ arch: "aarch64" }), startTestSshHost({ arch: "x86_64", hostKeyType: "ecdsa" })]);
  admin = new TestClient(server.url);
  expect((await admin.login("admin", server.adminPassword)).status).toBe(200);
  expect((await admin.call("POST", "/api/v1/nodes", { body: await nodeBody(host, "first") })).status).toBe(201);
}, 60_000);
afterAll(async () => {
  for (const srv of listeners) srv.close();
  await stopAllTestSshHosts();
  await server?.stop();
});

describe("the same machine enrolled twice", () => {
  it("is refused with 409 naming the existing node when the address and port are the same", async () => {
    const res = await admin.call("POST", "/api/v1/nodes", { body: await nodeBody(host, "second") });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("node_duplicate");
    expect(res.body.error.message).toContain("first");
    expect(res.body.error.existing).toEqual([expect.objectContaining({ name: "first", sameAddress: true, sameHostKey: true })]);
    expect(await nodeNames()).not.toContain("second");
  });

  it("is refused for the same host key behind another address and port", async () => {
    // The same sshd reached through a forwarder on another loopback address: one machine, two names.
    const alias = await listen((socket) => {
      const upstream = net.connect(host.port, host.address);
      socket.pipe(upstream).pipe(socket);
      upstream.on("error", () => socket.destroy());
      socket.on("error", () => upstream.destroy());
    }, allocateLoopbackAddress());
    const body = { ...(await nodeBody(host, "alias")), address: alias.address, port: alias.port };
    const probe = await admin.call("POST", "/api/v1/nodes/probe", { body: { address: alias.address, port: alias.port } });
    expect(probe.body.hostKey.fingerprint).toBe(await host.hostKeyFingerprint());
    expect(probe.body.sameMachine).toEqual([expect.objectContaining({ name: "first", sameHostKey: true, sameAddress: false })]);

    const refused = await admin.call("POST", "/api/v1/nodes", { body });
    expect(refused.status).toBe(409);
    expect(refused.body.error.existing).toEqual([expect.objectContaining({ name: "first", sameHostKey: true })]);
    expect(await nodeNames()).not.toContain("alias");

    const confirmed = await admin.call("POST", "/api/v1/nodes", { body: { ...body, allowDuplicate: true } });
    expect(confirmed.status).toBe(201);
    expect(await nodeNames()).toContain("alias");
  });

  it("is added when the operator confirms it, and the probe says which node it already is", async () => {
    const probe = await admin.call("POST", "/api/v1/nodes/probe", { body: { address: host.address, port: host.port, name: "as-another-user" } });
    expect(probe.status).toBe(200);
    expect(probe.body.sameMachine.map((n: { name: string }) => n.name)).toContain("first");
    const res = await admin.call("POST", "/api/v1/nodes", { body: await nodeBody(host, "as-another-user", { allowDuplicate: true }) });
    expect(res.status).toBe(201);
  });

  it("a machine not yet enrolled probes with nothing to warn about", async () => {
    const probe = await admin.call("POST", "/api/v1/nodes/probe", { body: { address: other.address, port: other.port } });
    expect(probe.status).toBe(200);
    expect(probe.body.sameMachine).toEqual([]);
  });
});

describe("a taken name", () => {
  it("is a field error on name at the probe (step 1), before anything connects", async () => {
    // Nothing listens on this port: a 409 on the name, not a 502, shows the name was checked first.
    const res = await admin.call("POST", "/api/v1/nodes/probe", { body: { address: "127.0.0.1", port: await closedPort(), name: "first" } });
    expect(res.status).toBe(409);
    expect(res.body.error.fields.name).toMatch(/taken/);
    const free = await admin.call("POST", "/api/v1/nodes/probe", { body: { ...connection(other), name: "a-free-name" } });
    expect(free.status).toBe(200);
  });
});

describe("connection messages", () => {
  it("name the user the operator typed, never the probe's placeholder", async () => {
    const port = await closedPort();
    const res = await admin.call("POST", "/api/v1/nodes/probe", { body: { address: "127.0.0.1", port, username: "root" } });
    expect(res.status).toBe(502);
    expect(res.body.error.message).toContain(`root@127.0.0.1:${port}`);
    expect(res.body.error.message).not.toMatch(/probe@/);
    const anonymous = await admin.call("POST", "/api/v1/nodes/probe", { body: { address: "127.0.0.1", port } });
    expect(anonymous.body.error.message).toMatch(new RegExp(`(^| )127\\.0\\.0\\.1:${port} refused`));
  });

  for (const [label, onSocket] of [
    ["closes at once", (s: net.Socket) => s.end()],
    ["is not sshd", (s: net.Socket) => s.end("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")],
  ] as const) {
    it(`say in words that no SSH server answered when the port ${label}`, async () => {
      const at = await listen(onSocket);
      const probe = await admin.call("POST", "/api/v1/nodes/probe", { body: { address: at.address, port: at.port, username: "root" } });
      expect(probe.status).toBe(502);
      expect(probe.body.error.message).toBe(
        `No SSH server answered at ${at.address}:${at.port}: the connection closed before the SSH handshake (a firewall, or something that is not sshd, on that port)`,
      );
      const facts = await admin.call("POST", "/api/v1/nodes/facts", { body: { address: at.address, port: at.port, username: "root", auth: keyAuth(host), hostKeyFingerprint: await host.hostKeyFingerprint() } });
      expect(facts.body.error.message).toContain(`No SSH server answered at ${at.address}:${at.port}`);
      expect(facts.body.error.message).not.toMatch(/Connection lost before handshake/);
    });
  }

  it("an empty port is Required, not out of range", async () => {
    for (const port of ["", "  "]) {
      const res = await admin.call("POST", "/api/v1/nodes/probe", { body: { address: host.address, port } });
      expect(res.status).toBe(400);
      expect(res.body.error.fields.port).toBe("Required");
    }
    const zero = await admin.call("POST", "/api/v1/nodes/probe", { body: { address: host.address, port: "0" } });
    expect(zero.body.error.fields.port).toMatch(/between 1 and 65535/);
  });
});

describe("a changed host key and old facts", () => {
  it("shows the offered key's type and bits as ssh-keygen -lf prints them", async () => {
    const created = await admin.call("POST", "/api/v1/nodes", { body: await nodeBody(other, "rekeyed") });
    expect(created.status).toBe(201);
    await other.regenerateHostKey("rsa");
    const [bits, fingerprint] = (await other.hostKeyListing()).split(" "); // "3072 SHA256:… comment (RSA)"
    const check = await admin.call("POST", `/api/v1/nodes/${created.body.id}/check`);
    expect(check.body.error.kind).toBe("host_key_changed");
    expect(check.body.node.offeredHostKey).toEqual({ type: "RSA", bits: Number(bits), fingerprint });
    expect((await other.hostKeyListing()).endsWith("(RSA)")).toBe(true);
  });

  it("keep the time they were gathered when a later check fails, and say when that check failed", async () => {
    const created = await admin.call("POST", "/api/v1/nodes", { body: await nodeBody(host, "goes-down", { allowDuplicate: true }) });
    const gatheredAt = created.body.factsGatheredAt;
    expect(gatheredAt).toBe(created.body.lastCheckedAt);
    await host.stop();
    try {
      const check = await admin.call("POST", `/api/v1/nodes/${created.body.id}/check`);
      expect(check.body.ok).toBe(false);
      expect(check.body.node.facts.arch).toBe("aarch64");
      expect(check.body.node.factsGatheredAt).toBe(gatheredAt);
      expect(Date.parse(check.body.node.lastCheckedAt)).toBeGreaterThan(Date.parse(gatheredAt));
      expect(check.body.node.lastError).toContain(`root@${host.address}:${host.port} refused the connection`);
    } finally {
      await host.start();
    }
  });
});

describe("the favicon", () => {
  it("is served to anyone, the login page links it, and /favicon.ico is not what pages ask for", async () => {
    const anonymous = new TestClient(server.url);
    const login = await anonymous.call("GET", "/login");
    const href = login.text.match(/<link rel="icon" href="([^"]+)"/)?.[1];
    expect(href).toMatch(/^\/icon\.svg/);
    const icon = await fetch(server.url + href!);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    expect(await icon.text()).toContain("<svg");
  });
});
