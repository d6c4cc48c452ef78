// The JSON API as a script or the browser uses it, against the real server, real sshd hosts and
// the real SQLite file: sign-in, CSRF, roles, tokens, rate limiting, hostile input, secrets.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRoutes } from "../harness/appRoutes";
import { startAppServer, type AppServer } from "../harness/appServer";
import { TestClient } from "../harness/httpClient";
import { startTestSshHost, stopAllTestSshHosts, type TestSshHost } from "../harness/sshHosts";

let server: AppServer;
let arm: TestSshHost;
let admin: TestClient;
const seenBodies: string[] = [];

async function as(role: "viewer" | "operator"): Promise<TestClient> {
  const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
  const password = `${role}-password-123`;
  expect((await admin.call("POST", "/api/v1/users", { body: { username, password, role } })).status).toBe(201);
  const client = new TestClient(server.url);
  expect((await client.login(username, password)).status).toBe(200);
  return client;
}

function nodeBody(overrides: Record<string, unknown> = {}) {
  return { name: "od1000-1", address: arm.address, port: arm.port, username: "root", auth: { kind: "key", privateKey: arm.root.privateKey }, role: "both", ...overrides };
}

beforeAll(async () => {
  [server, arm] = await Promise.all([startAppServer(), startTestSshHost({ arch: "aarch64" })]);
  admin = new TestClient(server.url);
  const call = admin.call.bind(admin);
  admin.call = async (...args) => {
    const res = await call(...args);
    seenBodies.push(res.text);
    return res;
  };
  expect((await admin.login("admin", server.adminPassword)).status).toBe(200);
});
afterAll(async () => {
  await stopAllTestSshHosts();
  await server?.stop();
});

describe("sign-in", () => {
  it("sets an httpOnly, SameSite=Lax session cookie and returns the CSRF token", async () => {
    const client = new TestClient(server.url);
    const res = await client.call("POST", "/api/v1/auth/login", { body: { username: "admin", password: server.adminPassword } });
    expect(res.status).toBe(200);
    expect(res.body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^armdeck_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http on loopback
  });

  it("refuses a wrong password without saying whether the user exists", async () => {
    const a = await new TestClient(server.url).login("admin", "wrong-password!");
    const b = await new TestClient(server.url).login("nobody-here", "wrong-password!");
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body.error.message).toBe(b.body.error.message);
  });

  it("rate-limits repeated failures for a user, even with the right password afterwards", async () => {
    const viewer = await as("viewer");
    const who = (await viewer.call("GET", "/api/v1/auth/session")).body.user.username;
    for (let i = 0; i < 5; i++) expect((await new TestClient(server.url).login(who, "bad-password-x")).status).toBe(401);
    const blocked = await new TestClient(server.url).login(who, "viewer-password-123");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("a user changes their own password; the old one stops working and other sessions end", async () => {
    const username = `pw-${Math.random().toString(36).slice(2, 8)}`;
    expect((await admin.call("POST", "/api/v1/users", { body: { username, password: "first-password-123", role: "viewer" } })).status).toBe(201);
    const here = new TestClient(server.url);
    const elsewhere = new TestClient(server.url);
    await here.login(username, "first-password-123");
    await elsewhere.login(username, "first-password-123");
    const wrong = await here.call("POST", "/api/v1/auth/password", { body: { currentPassword: "not-it-at-all", newPassword: "second-password-456" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.currentPassword).toBeTruthy();
    const short = await here.call("POST", "/api/v1/auth/password", { body: { currentPassword: "first-password-123", newPassword: "short" } });
    expect(short.body.error.fields.newPassword).toMatch(/12 characters/);
    expect((await here.call("POST", "/api/v1/auth/password", { body: { currentPassword: "first-password-123", newPassword: "second-password-456" } })).status).toBe(200);
    expect((await here.call("GET", "/api/v1/nodes")).status).toBe(200);
    expect((await elsewhere.call("GET", "/api/v1/nodes")).status).toBe(401);
    expect((await new TestClient(server.url).login(username, "first-password-123")).status).toBe(401);
    expect((await new TestClient(server.url).login(username, "second-password-456")).status).toBe(200);
  });

  it("logout ends the session", async () => {
    const client = new TestClient(server.url);
    await client.login("admin", server.adminPassword);
    expect((await client.call("POST", "/api/v1/auth/logout")).status).toBe(200);
    expect((await client.call("GET", "/api/v1/nodes")).status).toBe(401);
  });
});

describe("CSRF on cookie-authenticated writes", () => {
  const probe = () => ({ body: { address: arm.address, port: arm.port } });
  it("refuses a write without the token, with a wrong token, or from another origin", async () => {
    expect((await admin.call("POST", "/api/v1/nodes/probe", { ...probe(), csrf: false })).status).toBe(403);
    expect((await admin.call("POST", "/api/v1/nodes/probe", { ...probe(), csrf: false, headers: { "x-csrf-token": "x".repeat(43) } })).status).toBe(403);
    expect((await admin.call("POST", "/api/v1/nodes/probe", { ...probe(), origin: "http://evil.example" })).status).toBe(403);
    expect((await admin.call("POST", "/api/v1/nodes/probe", { ...probe(), origin: null })).status).toBe(403);
  });
  it("accepts it with both", async () => {
    const res = await admin.call("POST", "/api/v1/nodes/probe", probe());
    expect(res.status).toBe(200);
    expect(res.body.hostKey.fingerprint).toBe(await arm.hostKeyFingerprint());
  });
});

describe("API tokens", () => {
  it("work as Bearer without CSRF, are shown once, and stop working when revoked", async () => {
    const created = await admin.call("POST", "/api/v1/tokens", { body: { name: "ci-script" } });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^ad_/);
    const listed = await admin.call("GET", "/api/v1/tokens");
    expect(listed.text).not.toContain(token);

    const script = new TestClient(server.url);
    script.bearer = token;
    expect((await script.call("GET", "/api/v1/nodes")).status).toBe(200);
    expect((await script.call("POST", "/api/v1/nodes/probe", { body: { address: arm.address, port: arm.port }, origin: null })).status).toBe(200);

    expect((await admin.call("DELETE", `/api/v1/tokens/${created.body.id}`)).status).toBe(200);
    expect((await script.call("GET", "/api/v1/nodes")).status).toBe(401);
  });
});

describe("roles", () => {
  it("a viewer reads but cannot add nodes, read the audit log or manage users", async () => {
    const viewer = await as("viewer");
    expect((await viewer.call("GET", "/api/v1/nodes")).status).toBe(200);
    const denied = await viewer.call("POST", "/api/v1/nodes", { body: nodeBody({ name: "viewer-node", hostKeyFingerprint: await arm.hostKeyFingerprint() }) });
    expect(denied.status).toBe(403);
    expect((await viewer.call("POST", "/api/v1/nodes/probe", { body: { address: arm.address, port: arm.port } })).status).toBe(403);
    expect((await viewer.call("GET", "/api/v1/audit")).status).toBe(403);
    expect((await viewer.call("GET", "/api/v1/users")).status).toBe(403);
  });

  it("an operator adds nodes but cannot re-pin a host key", async () => {
    const operator = await as("operator");
    expect((await operator.call("POST", "/api/v1/nodes/probe", { body: { address: arm.address, port: arm.port } })).status).toBe(200);
    const res = await operator.call("POST", "/api/v1/nodes/sample-id/host-key", { body: { hostKeyFingerprint: await arm.hostKeyFingerprint() } });
    expect(res.status).toBe(403);
  });
});

describe("hostile and bad input", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["empty name", { name: "" }, "name"],
    ["over-long name", { name: "n".repeat(64) }, "name"],
    ["address with a space", { address: "host name" }, "address"],
    ["address with ;", { address: "host;reboot" }, "address"],
    ["address with $()", { address: "$(touch /tmp/pwned)" }, "address"],
    ["address with backticks", { address: "`id`" }, "address"],
    ["address with a quote", { address: "host'" }, "address"],
    ["address with a newline", { address: "host\nid" }, "address"],
    ["bad IPv4", { address: "192.0.2.300" }, "address"],
    ["user with a space", { username: "ro ot" }, "username"],
    ["user with $()", { username: "$(id)" }, "username"],
    ["user with ;", { username: "root;id" }, "username"],
    ["user with a newline", { username: "root\nid" }, "username"],
    ["port 0", { port: 0 }, "port"],
    ["port 65536", { port: 65536 }, "port"],
    ["port not a number", { port: "ssh" }, "port"],
    ["malformed key", { auth: { kind: "key", privateKey: "-----BEGIN OPENSSH PRIVATE KEY-----\nnot a key\n-----END OPENSSH PRIVATE KEY-----" } }, "auth.privateKey"],
    ["no key at all", { auth: { kind: "key", privateKey: "ssh-ed25519 AAAA" } }, "auth.privateKey"],
    ["empty password", { auth: { kind: "password", password: "" } }, "auth.password"],
    ["bad role", { role: "king" }, "role"],
    ["bad fingerprint", { hostKeyFingerprint: "MD5:aa:bb" }, "hostKeyFingerprint"],
  ];

  for (const [label, override, field] of cases) {
    it(`${label}: 400 on ${field}, nothing saved`, async () => {
      const before = (await admin.call("GET", "/api/v1/nodes")).body.nodes.length;
      const res = await admin.call("POST", "/api/v1/nodes", { body: { ...nodeBody({ hostKeyFingerprint: await arm.hostKeyFingerprint() }), ...override } });
      expect(res.status).toBe(400);
      expect(res.body.error.fields[field]).toEqual(expect.any(String));
      expect((await admin.call("GET", "/api/v1/nodes")).body.nodes.length).toBe(before);
    });
  }

  it("a key that needs a passphrase that was not given is a field error", async () => {
    const res = await admin.call("POST", "/api/v1/nodes/probe", {
      body: { address: arm.address, port: arm.port, username: "root", auth: { kind: "key", privateKey: arm.rootWithPassphrase.privateKey } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields["auth.passphrase"]).toMatch(/passphrase/);
  });

  it("a body that is not JSON is a clear 400", async () => {
    const res = await admin.call("POST", "/api/v1/nodes", { body: "{not json" });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/JSON/);
  });
});

describe("the add-node flow over HTTP", () => {
  let nodeId: string;
  it("probe → facts → add → list shows aarch64", async () => {
    const probe = await admin.call("POST", "/api/v1/nodes/probe", { body: { address: arm.address, port: arm.port, username: "root", auth: { kind: "key", privateKey: arm.root.privateKey } } });
    expect(probe.status).toBe(200);
    const fingerprint = probe.body.hostKey.fingerprint;
    expect(fingerprint).toBe(await arm.hostKeyFingerprint());
    const facts = await admin.call("POST", "/api/v1/nodes/facts", { body: { ...nodeBody(), hostKeyFingerprint: fingerprint } });
    expect(facts.status).toBe(200);
    expect(facts.body.facts.arch).toBe("aarch64");
    const created = await admin.call("POST", "/api/v1/nodes", { body: nodeBody({ hostKeyFingerprint: fingerprint }) });
    expect(created.status).toBe(201);
    expect(created.body.facts).toMatchObject({ arch: "aarch64", cpus: expect.any(Number), memoryMb: expect.any(Number) });
    nodeId = created.body.id;
    const list = await admin.call("GET", "/api/v1/nodes");
    expect(list.body.nodes.find((n: { id: string }) => n.id === nodeId).facts.arch).toBe("aarch64");
  });

  it("a duplicate name is a 409 on the name field", async () => {
    const res = await admin.call("POST", "/api/v1/nodes", { body: nodeBody({ hostKeyFingerprint: await arm.hostKeyFingerprint() }) });
    expect(res.status).toBe(409);
    expect(res.body.error.fields.name).toBeTruthy();
  });

  it("edit, re-check, delete", async () => {
    const renamed = await admin.call("PATCH", `/api/v1/nodes/${nodeId}`, { body: { name: "master-1", role: "master" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "master-1", role: "master" });
    const check = await admin.call("POST", `/api/v1/nodes/${nodeId}/check`);
    expect(check.body).toMatchObject({ ok: true, node: { reachable: true } });
    expect((await admin.call("PATCH", `/api/v1/nodes/${nodeId}`, { body: { port: 2222 } })).body.error.fields.hostKeyFingerprint).toBeTruthy();
    expect((await admin.call("DELETE", `/api/v1/nodes/${nodeId}`)).status).toBe(200);
    expect((await admin.call("GET", `/api/v1/nodes/${nodeId}`)).status).toBe(404);
  });

  it("every action is in the audit log with who, what, target, where from and result", async () => {
    const res = await admin.call("GET", "/api/v1/audit?action=node.");
    const actions = res.body.events.map((e: { action: string }) => e.action);
    for (const a of ["node.probe", "node.facts", "node.create", "node.update", "node.check", "node.delete"]) expect(actions).toContain(a);
    const create = res.body.events.find((e: { action: string; result: string }) => e.action === "node.create" && e.result === "success");
    expect(create).toMatchObject({ actor: "admin", target: "od1000-1", ip: "127.0.0.1" });
    const denied = await admin.call("GET", "/api/v1/audit?result=denied");
    expect(denied.body.events.length).toBeGreaterThan(0);
  });
});

describe("secrets", () => {
  it("never appear in responses, the server's output or the SQLite files", async () => {
    await admin.call("POST", "/api/v1/nodes", {
      body: { name: "pw-node", address: arm.address, port: arm.port, username: arm.passwordUser.username, auth: { kind: "password", password: arm.passwordUser.password }, role: "agent", hostKeyFingerprint: await arm.hostKeyFingerprint() },
    });
    await admin.call("POST", "/api/v1/nodes", { body: nodeBody({ name: "key-node", allowDuplicate: true, hostKeyFingerprint: await arm.hostKeyFingerprint() }) });
    // Include failures: an error path is where secrets usually leak.
    await admin.call("POST", "/api/v1/nodes", { body: nodeBody({ name: "bad", allowDuplicate: true, auth: { kind: "password", password: arm.passwordUser.password + "-wrong" }, username: arm.passwordUser.username, hostKeyFingerprint: await arm.hostKeyFingerprint() }) });
    const list = await admin.call("GET", "/api/v1/nodes");
    expect(list.body.nodes.map((n: { name: string }) => n.name)).toEqual(expect.arrayContaining(["pw-node", "key-node"]));

    const keyBody = arm.root.privateKey.split("\n").slice(1, -2).join("");
    const secrets = [arm.passwordUser.password, keyBody.slice(0, 40), keyBody.slice(-40)];
    const haystacks: [string, string][] = [
      ["responses", seenBodies.join("\n").replace(/\\n/g, "")],
      ["server output", await server.output()],
      ...readdirSync(server.dataDir)
        .filter((f) => f.startsWith("armdeck.db"))
        .map((f) => [f, readFileSync(path.join(server.dataDir, f)).toString("latin1")] as [string, string]),
    ];
    expect(haystacks.length).toBeGreaterThanOrEqual(3);
    for (const [where, text] of haystacks) for (const secret of secrets) expect(text.includes(secret), `a secret leaked into ${where}`).toBe(false);
  });
});

describe("OpenAPI", () => {
  it("documents every API route the app defines, with its methods", async () => {
    const res = await admin.call("GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const route of appRoutes().filter((r) => r.kind === "api")) {
      const key = route.pattern.replace(/^\/api\/v1/, "").replace(/\[(\w+)\]/g, "{$1}");
      expect(res.body.paths[key], `${key} is not documented`).toBeDefined();
      for (const method of route.methods) expect(res.body.paths[key][method.toLowerCase()], `${method} ${key} is not documented`).toBeDefined();
    }
  });
});

describe("live inventory over socket.io", () => {
  it("a signed-in socket subscribed to nodes hears about a change made through the API", async () => {
    const { io } = await import("socket.io-client");
    const socket = io(server.url, { transports: ["websocket"], extraHeaders: { cookie: admin.cookie!, origin: server.url }, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.on("connect", () => resolve());
      socket.on("connect_error", reject);
    });
    socket.emit("subscribe", "nodes");
    await new Promise((r) => setTimeout(r, 200));
    const heard = new Promise<{ id: string }>((resolve) => socket.on("node:changed", resolve));
    const created = await admin.call("POST", "/api/v1/nodes", { body: nodeBody({ name: "socket-node", allowDuplicate: true, hostKeyFingerprint: await arm.hostKeyFingerprint() }) });
    expect(created.status).toBe(201);
    expect((await heard).id).toBe(created.body.id);
    socket.close();
  });
});
