// Clusters through the real server: registering, listing, changing and deleting with roles; the
// endpoint URLs refused with field errors when hostile; the probe on save in words against a
// stand-in that answers and a port that refuses; the audit trail; and the poller wired to a real
// cluster: a socket that joins cluster:<id> gets cluster:update, and the stand-in sees the polls.
import crypto from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandin, type Standin } from "../../standin/server";
import { startAppServer, type AppServer } from "../harness/appServer";
import { startCountingProxy, type CountingProxy } from "../harness/countingProxy";
import { TestClient } from "../harness/httpClient";
import { freePort } from "../harness/sshHosts";

let server: AppServer;
let standin: Standin;
let mesosProxy: CountingProxy;
let admin: TestClient;
let operator: TestClient;
let viewer: TestClient;
let refusingUrl: string;
const sockets: Socket[] = [];

async function userWithRole(role: "viewer" | "operator"): Promise<TestClient> {
  const username = `${role}-${crypto.randomBytes(3).toString("hex")}`;
  const password = "cluster-test-password-1";
  expect((await admin.call("POST", "/api/v1/users", { body: { username, password, role } })).status).toBe(201);
  const client = new TestClient(server.url);
  expect((await client.login(username, password)).status).toBe(200);
  return client;
}

beforeAll(async () => {
  [server, standin] = await Promise.all([startAppServer(), startStandin({ agents: 3, apps: 2 })]);
  mesosProxy = await startCountingProxy(standin.mesosUrls[0]!);
  // A port nothing listens on: the connection is refused.
  refusingUrl = `http://127.0.0.1:${await freePort()}`;
  admin = new TestClient(server.url);
  expect((await admin.login("admin", server.adminPassword)).status).toBe(200);
  [operator, viewer] = [await userWithRole("operator"), await userWithRole("viewer")];
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.stop();
  await mesosProxy?.close();
  await standin?.stop();
});

describe("clusters API", () => {
  it("starts with the migrated default cluster, provisioned", async () => {
    const res = await viewer.call("GET", "/api/v1/clusters");
    expect(res.status).toBe(200);
    expect(res.body.clusters.map((c: any) => [c.id, c.name, c.kind])).toEqual([[1, "default", "provisioned"]]);
  });

  it("registers an adopted cluster (operator) and says in words which endpoint answered and which did not", async () => {
    const res = await operator.call("POST", "/api/v1/clusters", { body: { name: "adopted-one", mesosMasters: [standin.mesosUrls[0], refusingUrl], marathon: [standin.marathonUrls[0]] } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: "adopted-one", kind: "adopted", mesosMasters: [standin.mesosUrls[0], refusingUrl], marathon: [standin.marathonUrls[0]] });
    const byUrl = Object.fromEntries(res.body.probe.map((p: any) => [`${p.service} ${p.url}`, p]));
    expect(byUrl[`mesos ${standin.mesosUrls[0]}`]).toMatchObject({ ok: true, detail: expect.stringMatching(/^Mesos \d+\.\d+\.\d+ answered \/version$/) });
    expect(byUrl[`mesos ${refusingUrl}`]).toMatchObject({ ok: false, detail: expect.stringMatching(/refused the connection/) });
    expect(byUrl[`marathon ${standin.marathonUrls[0]}`]).toMatchObject({ ok: true, detail: expect.stringMatching(/^Marathon .+ answered \/v2\/info/) });
    const got = await viewer.call("GET", `/api/v1/clusters/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: res.body.id, kind: "adopted", mesosMasters: [standin.mesosUrls[0], refusingUrl] });
  });

  it("creates a provisioned cluster when no endpoints are given, with its own default settings", async () => {
    const res = await operator.call("POST", "/api/v1/clusters", { body: { name: "second-provisioned" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: "provisioned", mesosMasters: [], marathon: [], probe: [] });
    const settings = await viewer.call("GET", `/api/v1/clusters/${res.body.id}/settings`);
    expect(settings.status).toBe(200);
    expect(settings.body.settings.mesosMasterPort).toBe(5050);
  });

  it("refuses a viewer's write, an operator's delete, a taken name and an unknown id", async () => {
    expect((await viewer.call("POST", "/api/v1/clusters", { body: { name: "nope" } })).status).toBe(403);
    const list = (await viewer.call("GET", "/api/v1/clusters")).body.clusters;
    const adopted = list.find((c: any) => c.name === "adopted-one");
    expect((await operator.call("DELETE", `/api/v1/clusters/${adopted.id}`)).status).toBe(403);
    const taken = await operator.call("POST", "/api/v1/clusters", { body: { name: "adopted-one", mesosMasters: [standin.mesosUrls[0]] } });
    expect(taken.status).toBe(400);
    expect(taken.body.error.fields.name).toMatch(/already exists/);
    expect((await viewer.call("GET", "/api/v1/clusters/9999")).status).toBe(404);
    expect((await viewer.call("GET", "/api/v1/clusters/not-an-id")).status).toBe(404);
  });

  const HOSTILE: [string, string][] = [
    ["userinfo", "http://user:secret@m1.example.com:5050"],
    ["a path", "http://m1.example.com:5050/master/state"],
    ["a path trick", "http://m1.example.com:5050/../admin"],
    ["a query", "http://m1.example.com:5050?x=1"],
    ["a fragment", "http://m1.example.com:5050#top"],
    ["javascript:", "javascript:alert(1)//:5050"],
    ["a file URL", "file:///etc/passwd"],
    ["a space", "http://m1.example.com :5050"],
    ["a control character", "http://m1.example.com\u0000:5050"],
    ["no port", "http://m1.example.com"],
    ["a port out of range", "http://m1.example.com:70000"],
    ["a backslash", "http://m1.example.com\\@evil:5050"],
    ["10,000 characters", `http://${"a".repeat(10_000)}:5050`],
  ];
  for (const [what, url] of HOSTILE) {
    it(`refuses an endpoint with ${what}, naming the field, and saves nothing`, async () => {
      const name = `hostile-${crypto.randomBytes(3).toString("hex")}`;
      const res = await operator.call("POST", "/api/v1/clusters", { body: { name, mesosMasters: [url] } });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual(["mesosMasters.0"]);
      const list = (await viewer.call("GET", "/api/v1/clusters")).body.clusters;
      expect(list.map((c: any) => c.name)).not.toContain(name);
    });
  }

  it("patches the endpoints, probes them again, and deletes (admin) saying what went; every write is audited", async () => {
    const created = await operator.call("POST", "/api/v1/clusters", { body: { name: "to-change", mesosMasters: [refusingUrl] } });
    expect(created.body.probe[0].ok).toBe(false);
    const patched = await operator.call("PATCH", `/api/v1/clusters/${created.body.id}`, { body: { name: "changed", mesosMasters: [standin.mesosUrls[0]] } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: "changed", mesosMasters: [standin.mesosUrls[0]] });
    expect(patched.body.probe[0].ok).toBe(true);
    const deleted = await admin.call("DELETE", `/api/v1/clusters/${created.body.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted).toEqual({ id: created.body.id, name: "changed", kind: "adopted", planRuns: 0 });
    expect((await viewer.call("GET", `/api/v1/clusters/${created.body.id}`)).status).toBe(404);
    const audit = await admin.call("GET", "/api/v1/audit?limit=200");
    const actions = audit.body.events.filter((e: any) => ["to-change", "changed"].includes(e.target)).map((e: any) => e.action);
    expect(actions.sort()).toEqual(["cluster.create", "cluster.delete", "cluster.update"]);
  });

  it("documents every cluster route in OpenAPI", async () => {
    const doc = await viewer.call("GET", "/api/v1/openapi.json");
    for (const p of ["/clusters", "/clusters/{id}", "/clusters/{id}/settings", "/clusters/{id}/nodes", "/clusters/{id}/plans/preview", "/clusters/{id}/plans/runbook", "/clusters/{id}/plan-runs"]) {
      expect(Object.keys(doc.body.paths)).toContain(p);
    }
  });
});

describe("the poller on a registered cluster", () => {
  it("publishes cluster:update to a socket in cluster:<id>, from polls the stand-in really received", async () => {
    const res = await operator.call("POST", "/api/v1/clusters", { body: { name: "watched", mesosMasters: [mesosProxy.url], marathon: [standin.marathonUrls[0]] } });
    expect(res.status).toBe(201);
    const socket = io(server.url, { transports: ["websocket"], extraHeaders: { origin: server.url, cookie: viewer.cookie! }, reconnection: false, timeout: 5000 });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const update = new Promise<any>((resolve) => socket.on("cluster:update", (u: any) => u.source === "mesos.state" && u.fetchedAt && resolve(u)));
    socket.emit("subscribe", `cluster:${res.body.id}`);
    const got = await Promise.race([update, new Promise((_, reject) => setTimeout(() => reject(new Error("no cluster:update within 20 s")), 20_000))]);
    expect(got).toMatchObject({ clusterId: String(res.body.id), source: "mesos.state" });
    expect(mesosProxy.count("/master/state")).toBeGreaterThanOrEqual(1);
    expect(mesosProxy.maxInFlight).toBe(1);
  });

  it("does not let a socket join the room of a cluster that does not exist", async () => {
    const socket = io(server.url, { transports: ["websocket"], extraHeaders: { origin: server.url, cookie: viewer.cookie! }, reconnection: false, timeout: 5000 });
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    let updates = 0;
    socket.on("cluster:update", () => updates++);
    socket.emit("subscribe", "cluster:424242");
    await new Promise((r) => setTimeout(r, 1500));
    expect(updates).toBe(0);
    await expect(server.output()).resolves.not.toMatch(/424242.*poller/);
  });
});
