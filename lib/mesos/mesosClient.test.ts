import { afterEach, describe, expect, it } from "vitest";
import { startRunbookCluster } from "../../standin/testing/runbookCluster";
import { startLoopbackServer, type LoopbackServer } from "../../e2e/harness/loopbackServer.ts";
import { UpstreamError } from "../http/upstreamError.ts";
import { MesosClient } from "./mesosClient.ts";

// Leader discovery against the stand-in's real HTTP masters (standin/server.ts): master 0 leads
// unless a test moves the leadership with the control API.
let s: Awaited<ReturnType<typeof startRunbookCluster>> | undefined;
let extra: LoopbackServer[] = [];
afterEach(async () => {
  await s?.stop();
  s = undefined;
  await Promise.all(extra.map((x) => x.close()));
  extra = [];
});
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a failure"); }, (e: unknown) => e as UpstreamError);
const hostPort = (url: string) => new URL(url).host;

describe("MesosClient leader discovery", () => {
  it("asks the first master, which does not lead, follows its 307 to the leader and says who answered", async () => {
    s = await startRunbookCluster();
    s.control.setMesosLeader(1);
    const client = new MesosClient({ masters: s.mesosUrls });
    const r = await client.state();
    expect(r.answeredBy).toBe(s.mesosUrls[1]);
    expect(r.redirectedFrom).toBe(s.mesosUrls[0]);
    expect(r.leader).toBe(s.mesosUrls[1]);
    expect(r.data.slaves.map((a) => a.hostname).sort()).toEqual(["od1000-0", "od1000-1"]);
    // The next call goes straight to the leader it learned.
    const t = await client.tasks({ limit: 10 });
    expect(t.answeredBy).toBe(s.mesosUrls[1]);
    expect(t.redirectedFrom).toBeNull();
  });

  it("never follows a 307 to a host that is not one of the cluster's masters", async () => {
    s = await startRunbookCluster();
    const outsider = await startLoopbackServer((_q, r) => r.end("{}"));
    const liar = await startLoopbackServer((_q, r) => {
      r.writeHead(307, { Location: `//${hostPort(outsider.url)}/master/state` });
      r.end();
    });
    extra.push(outsider, liar);
    // The lying master comes first; the real leader is registered after it.
    const client = new MesosClient({ masters: [liar.url, s.mesosUrls[0]!] });
    const r = await client.state();
    expect(r.answeredBy).toBe(s.mesosUrls[0]);
    expect(outsider.requests).toEqual([]);
    expect(liar.requests).toEqual(["GET /master/state"]);

    const alone = new MesosClient({ masters: [liar.url] });
    const e = await failure(alone.state());
    expect(e.message).toBe(`Mesos master ${hostPort(liar.url)} redirected to //${hostPort(outsider.url)}/master/state, which is not one of this cluster's masters; not followed`);
    expect(outsider.requests).toEqual([]);
  });

  it("with no leader elected the error says so and has kind no_leader", async () => {
    s = await startRunbookCluster();
    s.control.setMesosLeader(null);
    const e = await failure(new MesosClient({ masters: s.mesosUrls }).state());
    expect(e.kind).toBe("no_leader");
    expect(e.status).toBe(503);
    expect(e.message).toMatch(/^Mesos has no leader elected \(503 from Mesos master 127\.0\.0\.1:\d+\)$/);
  });

  it("a master that refuses connections is skipped for the next one", async () => {
    s = await startRunbookCluster();
    s.control.setMesosLeader(1);
    await s.control.setMesosMaster(0, { mode: "refuse" });
    const r = await new MesosClient({ masters: s.mesosUrls }).slaves();
    expect(r.answeredBy).toBe(s.mesosUrls[1]);
    expect(r.data.slaves).toHaveLength(2);
  });

  it("a master that hangs fails as a timeout in words within the configured read timeout", async () => {
    s = await startRunbookCluster({ mesosPorts: [0] });
    await s.control.setMesosMaster(0, { mode: "hang" });
    const e = await failure(new MesosClient({ masters: s.mesosUrls, readTimeoutMs: 400 }).state());
    expect(e.kind).toBe("timeout");
    expect(e.message).toBe(`Mesos master ${hostPort(s.mesosUrls[0]!)} did not answer within 0.4 s`);
  });

  it("a /master/state over the size cap is too_large", async () => {
    s = await startRunbookCluster({ mesosPorts: [0] });
    const e = await failure(new MesosClient({ masters: s.mesosUrls, maxBytes: 1024 }).state());
    expect(e.kind).toBe("too_large");
    expect(e.message).toContain("larger than 1 KB");
  });

  it("every master's /master/health and the local endpoints of a non-leader", async () => {
    s = await startRunbookCluster();
    await s.control.setMesosMaster(1, { mode: "refuse" });
    const client = new MesosClient({ masters: s.mesosUrls });
    const h = await client.health();
    expect(h.map((x) => x.healthy)).toEqual([true, false]);
    expect(h[1]!.error?.kind).toBe("refused");
    const m = await client.metrics(s.mesosUrls[0]);
    expect(m.data["master/elected"]).toBe(1);
    expect((await client.version()).data.version).toBe("1.4.0");
  });
});
