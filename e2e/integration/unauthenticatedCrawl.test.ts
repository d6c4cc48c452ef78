// Every route the app defines refuses an anonymous caller: 401 JSON for APIs, a redirect to
// /login for pages; and socket.io refuses a connection without a session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import { appRoutes, PUBLIC_ROUTES } from "../harness/appRoutes";
import { startAppServer, type AppServer } from "../harness/appServer";
import { TestClient } from "../harness/httpClient";

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer();
});
afterAll(async () => {
  await server?.stop();
});

const routes = appRoutes();

describe("the route list", () => {
  it("finds the app's routes (so an empty crawl cannot pass)", () => {
    const apis = routes.filter((r) => r.kind === "api");
    expect(apis.length).toBeGreaterThanOrEqual(15);
    expect(routes.filter((r) => r.kind === "page").length).toBeGreaterThanOrEqual(5);
    expect(apis.every((r) => r.methods.length > 0)).toBe(true);
    expect(routes.map((r) => r.pattern)).toContain("/api/v1/nodes/[id]");
  });
});

describe("anonymous callers", () => {
  for (const route of routes.filter((r) => !PUBLIC_ROUTES.has(r.pattern))) {
    for (const method of route.methods) {
      it(`${method} ${route.pattern} is refused`, async () => {
        const res = await new TestClient(server.url).call(method, route.path, method === "GET" ? {} : { body: {} });
        if (route.kind === "api") {
          expect(res.status).toBe(401);
          expect(res.body).toMatchObject({ error: { code: "unauthenticated" } });
        } else {
          expect(res.status).toBe(303);
          expect(res.headers.get("location")).toBe(`/login?next=${encodeURIComponent(route.path)}`);
        }
      });
    }
  }

  it("an unknown API path is refused before it could be routed", async () => {
    expect((await new TestClient(server.url).call("GET", "/api/v1/does-not-exist")).status).toBe(401);
  });

  it("a forged session cookie or bearer token is refused", async () => {
    const forged = new TestClient(server.url);
    forged.cookie = "armdeck_session=forged-value";
    expect((await forged.call("GET", "/api/v1/nodes")).status).toBe(401);
    const bearer = new TestClient(server.url);
    bearer.bearer = "ad_forged";
    expect((await bearer.call("GET", "/api/v1/nodes")).status).toBe(401);
  });

  it("the public pages answer", async () => {
    const client = new TestClient(server.url);
    expect((await client.call("GET", "/login")).status).toBe(200);
    expect((await client.call("GET", "/setup")).status).toBe(200);
  });
});

describe("socket.io", () => {
  function connect(headers: Record<string, string>, transport: "websocket" | "polling" = "websocket"): Promise<"connected" | "refused"> {
    return new Promise((resolve) => {
      const socket = io(server.url, { transports: [transport], extraHeaders: headers, reconnection: false, timeout: 5000 });
      socket.on("connect", () => {
        socket.close();
        resolve("connected");
      });
      socket.on("connect_error", () => {
        socket.close();
        resolve("refused");
      });
    });
  }

  /** engine.io's first request, as any HTTP client can send it: a sid in the answer means a session was opened. */
  async function handshake(headers: Record<string, string>): Promise<{ status: number; text: string }> {
    const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers });
    return { status: res.status, text: await res.text() };
  }

  it("refuses an anonymous engine.io handshake: no session id is issued", async () => {
    const res = await handshake({});
    expect(res.status).toBe(403);
    expect(res.text).not.toContain("sid");
    expect(JSON.parse(res.text)).toMatchObject({ message: "unauthenticated" });
    expect((await handshake({ cookie: "armdeck_session=forged-value" })).text).not.toContain("sid");
    expect(await connect({})).toBe("refused");
    expect(await connect({}, "polling")).toBe("refused");
  });

  it("opens an engine.io session for a signed-in browser", async () => {
    const client = new TestClient(server.url);
    await client.login("admin", server.adminPassword);
    const res = await handshake({ cookie: client.cookie! });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/^0\{"sid":"[^"]+"/);
  });

  it("accepts a signed-in browser from our origin and refuses a foreign origin", async () => {
    const client = new TestClient(server.url);
    await client.login("admin", server.adminPassword);
    expect(await connect({ cookie: client.cookie!, origin: server.url })).toBe("connected");
    expect(await connect({ cookie: client.cookie!, origin: "http://evil.example" })).toBe("refused");
    expect(JSON.parse((await handshake({ cookie: client.cookie!, origin: "http://evil.example" })).text)).toMatchObject({ message: "cross-origin socket refused" });
  });

  it("refuses, and does not hang on, Origin: null or a malformed Origin, and the server stays quiet about it", async () => {
    const client = new TestClient(server.url);
    await client.login("admin", server.adminPassword);
    for (const origin of ["null", "not a url", `${server.url}/path`]) {
      expect(await connect({ cookie: client.cookie!, origin })).toBe("refused");
      const res = await handshake({ cookie: client.cookie!, origin });
      expect(res.status).toBe(403);
      expect(res.text).not.toContain("sid");
    }
    const output = await server.output();
    expect(output).not.toContain("Invalid URL");
    expect(output).not.toMatch(/unhandledRejection/i);
  });
});
