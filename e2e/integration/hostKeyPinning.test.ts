// Issue 6 item 3: a changed host key is a hard stop that only an admin's re-pin lifts. Over HTTP,
// as an operator against the real server and a real sshd whose key changed, every other write
// path that could touch the pinned key (edit, move, credentials change, a create naming the node's
// id) is refused or leaves the pin alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../harness/appServer";
import { TestClient } from "../harness/httpClient";
import { startTestSshHost, stopAllTestSshHosts, type TestSshHost } from "../harness/sshHosts";

let server: AppServer;
let host: TestSshHost;
let admin: TestClient;
let operator: TestClient;
let nodeId: string;
let pinned: string;
let offered: string;

const rootKey = () => ({ username: "root", auth: { kind: "key", privateKey: host.root.privateKey } });

beforeAll(async () => {
  [server, host] = await Promise.all([startAppServer(), startTestSshHost({ arch: "aarch64" })]);
  admin = new TestClient(server.url);
  expect((await admin.login("admin", server.adminPassword)).status).toBe(200);
  expect((await admin.call("POST", "/api/v1/users", { body: { username: "op", password: "operator-password-1", role: "operator" } })).status).toBe(201);
  operator = new TestClient(server.url);
  expect((await operator.login("op", "operator-password-1")).status).toBe(200);

  pinned = await host.hostKeyFingerprint();
  const created = await operator.call("POST", "/api/v1/nodes", {
    body: { name: "pinned-1", address: host.address, port: host.port, ...rootKey(), role: "both", hostKeyFingerprint: pinned },
  });
  expect(created.status).toBe(201);
  nodeId = created.body.id;

  await host.regenerateHostKey();
  offered = await host.hostKeyFingerprint();
  expect(offered).not.toBe(pinned);
  const check = await operator.call("POST", `/api/v1/nodes/${nodeId}/check`);
  expect(check.body.error.kind).toBe("host_key_changed");
});
afterAll(async () => {
  await stopAllTestSshHosts();
  await server?.stop();
});

async function pinnedNow(): Promise<string> {
  return (await admin.call("GET", `/api/v1/nodes/${nodeId}`)).body.hostKey.fingerprint;
}

describe("an operator cannot lift the host-key hard stop", () => {
  it("PATCH with the offered fingerprint is refused and the pin stays", async () => {
    const res = await operator.call("PATCH", `/api/v1/nodes/${nodeId}`, { body: { hostKeyFingerprint: offered } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("host_key_pinned");
    expect(res.body.error.fields.hostKeyFingerprint).toMatch(/admin/);
    expect(await pinnedNow()).toBe(pinned);
  });

  it("nor by 'moving' the node to its own address and port with the new key", async () => {
    const res = await operator.call("PATCH", `/api/v1/nodes/${nodeId}`, { body: { address: host.address, port: host.port, hostKeyFingerprint: offered } });
    expect(res.status).toBe(409);
    expect(await pinnedNow()).toBe(pinned);
  });

  it("nor by changing the credentials (the login still demands the pinned key)", async () => {
    const res = await operator.call("PATCH", `/api/v1/nodes/${nodeId}`, { body: rootKey() });
    expect(res.status).not.toBe(200);
    expect(await pinnedNow()).toBe(pinned);
    expect((await operator.call("POST", `/api/v1/nodes/${nodeId}/check`)).body.error.kind).toBe("host_key_changed");
  });

  it("nor by creating a node that names the existing node's id", async () => {
    const res = await operator.call("POST", "/api/v1/nodes", {
      body: { id: nodeId, name: "pinned-2", address: host.address, port: host.port, ...rootKey(), role: "agent", hostKeyFingerprint: offered },
    });
    // Enrolling the machine afresh is a person confirming a key: it makes a new node, never re-pins this one.
    if (res.status === 201) expect(res.body.id).not.toBe(nodeId);
    expect(await pinnedNow()).toBe(pinned);
  });

  it("an admin cannot re-pin by PATCH either: only the re-pin route does it", async () => {
    expect((await admin.call("PATCH", `/api/v1/nodes/${nodeId}`, { body: { hostKeyFingerprint: offered } })).status).toBe(409);
    expect(await pinnedNow()).toBe(pinned);
  });

  it("the re-pin route refuses the operator and works for the admin", async () => {
    expect((await operator.call("POST", `/api/v1/nodes/${nodeId}/host-key`, { body: { hostKeyFingerprint: offered } })).status).toBe(403);
    expect(await pinnedNow()).toBe(pinned);
    const repin = await admin.call("POST", `/api/v1/nodes/${nodeId}/host-key`, { body: { hostKeyFingerprint: offered } });
    expect(repin.status).toBe(200);
    expect(await pinnedNow()).toBe(offered);
  });

  it("after the re-pin, an operator's edit that confirms the pinned key still works", async () => {
    const res = await operator.call("PATCH", `/api/v1/nodes/${nodeId}`, { body: { address: host.address, port: host.port, hostKeyFingerprint: offered } });
    expect(res.status).toBe(200);
    expect(res.body.hostKey.fingerprint).toBe(offered);
  });
});
