import { afterEach, describe, expect, it } from "vitest";
import { startLoopbackServer, type LoopbackServer } from "../../e2e/harness/loopbackServer.ts";
import { UpstreamError } from "./upstreamError.ts";
import { upstreamFetch } from "./upstreamFetch.ts";

let servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
const serve = async (h: Parameters<typeof startLoopbackServer>[0]) => {
  const s = await startLoopbackServer(h);
  servers.push(s);
  return s;
};
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a failure"); }, (e: unknown) => e as UpstreamError);

describe("upstreamFetch", () => {
  it("returns the status, headers and body, and never follows a redirect by itself", async () => {
    const target = await serve((_q, r) => r.end("target"));
    const s = await serve((_q, r) => {
      r.writeHead(307, { Location: `${target.url}/x` });
      r.end();
    });
    const res = await upstreamFetch({ upstream: "mesos", url: `${s.url}/master/state` });
    expect(res.status).toBe(307);
    expect(res.headers.location).toBe(`${target.url}/x`);
    expect(target.requests).toEqual([]);
  });

  it("a refused connection is said in words", async () => {
    const s = await serve((_q, r) => r.end());
    const url = `${s.url}/master/state`;
    await s.close();
    servers = [];
    const e = await failure(upstreamFetch({ upstream: "mesos", url }));
    expect(e).toBeInstanceOf(UpstreamError);
    expect(e.kind).toBe("refused");
    expect(e.message).toBe(`Mesos master ${new URL(url).host} refused the connection`);
  });

  it("a server that accepts and never answers fails as a timeout naming the configured time", async () => {
    const s = await serve(() => undefined);
    const e = await failure(upstreamFetch({ upstream: "marathon", url: `${s.url}/v2/info`, readTimeoutMs: 300 }));
    expect(e.kind).toBe("timeout");
    expect(e.message).toBe(`Marathon ${new URL(s.url).host} did not answer within 0.3 s`);
  });

  it("a reply larger than the cap is cut off as too_large, announced or streamed", async () => {
    const big = "x".repeat(64 * 1024);
    const announced = await serve((_q, r) => r.end(big));
    const streamed = await serve((_q, r) => {
      r.writeHead(200); // chunked: no Content-Length to look at first
      r.write(big);
      r.end(big);
    });
    for (const s of [announced, streamed]) {
      const e = await failure(upstreamFetch({ upstream: "mesos", url: `${s.url}/master/state`, maxBytes: 16 * 1024 }));
      expect(e.kind).toBe("too_large");
      expect(e.message).toContain("larger than 16 KB");
    }
    const ok = await upstreamFetch({ upstream: "mesos", url: `${announced.url}/`, maxBytes: 128 * 1024 });
    expect(ok.body.length).toBe(big.length);
  });

  it("a name that does not resolve is a dns error", async () => {
    const e = await failure(upstreamFetch({ upstream: "mesos", url: "http://no-such-host.invalid:5050/master/state" }));
    expect(e.kind).toBe("dns");
    expect(e.message).toBe("Mesos master no-such-host.invalid:5050: the name no-such-host.invalid does not resolve");
  });
});
