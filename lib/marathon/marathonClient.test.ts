import { afterEach, describe, expect, it } from "vitest";
import { startRunbookCluster } from "../../standin/testing/runbookCluster";
import { derivedBlocks } from "../../standin/testing/shape";
import basic from "../../standin/fixtures/basic.json" with { type: "json" };
import { UpstreamError } from "../http/upstreamError.ts";
import { MarathonApiError } from "./marathonApiError.ts";
import { MarathonClient } from "./marathonClient.ts";

// Against the stand-in's two Marathon 1.5.1 instances (instance 0 leads; standbys proxy) on a
// manual clock, so deployments stay at their step until the test advances time.
let s: Awaited<ReturnType<typeof startRunbookCluster>> | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});
const failure = <E = UpstreamError>(p: Promise<unknown>) => p.then(() => { throw new Error("expected a failure"); }, (e: unknown) => e as E);

describe("MarathonClient", () => {
  it("a standby proxies to the leader; the client reports the leader and the proxy hop", async () => {
    s = await startRunbookCluster();
    const [leader, standby] = s.marathonUrls as [string, string];
    const client = new MarathonClient({ instances: [standby, leader] });
    const r = await client.info();
    expect(r.answeredBy).toBe(standby);
    expect(r.via).toBe(`1.1 ${new URL(standby).host}`);
    expect(r.leader).toBe(leader);
    expect(r.data.leader).toBe(new URL(leader).host);
    // The next call goes to the leader itself: no proxy hop.
    const l = await client.leader();
    expect(l.answeredBy).toBe(leader);
    expect(l.via).toBeNull();
    expect(l.data.leader).toBe(new URL(leader).host);
  });

  it("with no leader the error says 'Marathon has no leader (503)'", async () => {
    s = await startRunbookCluster();
    s.control.setMarathonLeader(null);
    const e = await failure(new MarathonClient({ instances: s.marathonUrls }).groups());
    expect(e).toBeInstanceOf(UpstreamError);
    expect(e.kind).toBe("no_leader");
    expect(e.status).toBe(503);
    expect(e.message).toBe("Marathon has no leader (503)");
  });

  it("a refused instance is skipped for reads; the leader down behind a standby is said in words", async () => {
    s = await startRunbookCluster();
    await s.control.setMarathon(1, { mode: "refuse" });
    const client = new MarathonClient({ instances: [s.marathonUrls[1]!, s.marathonUrls[0]!] });
    expect((await client.deployments()).answeredBy).toBe(s.marathonUrls[0]);

    await s.control.setMarathon(1, { mode: "up" });
    await s.control.setMarathon(0, { mode: "refuse" });
    const e = await failure(new MarathonClient({ instances: [s.marathonUrls[1]!] }).info());
    expect(e.message).toBe(`Marathon ${new URL(s.marathonUrls[1]!).host} could not reach its leader (502 Connection to leader refused.)`);
  });

  it("POST basic.json twice: the second is a typed 409 with Marathon's body intact", async () => {
    s = await startRunbookCluster();
    const client = new MarathonClient({ instances: s.marathonUrls });
    const first = await client.postGroup(basic);
    expect(first.data.deploymentId).toMatch(/^[0-9a-f-]{36}$/);
    s.clock.advance(20_000);
    const e = await failure<MarathonApiError>(client.postGroup(basic));
    expect(e).toBeInstanceOf(MarathonApiError);
    expect(e.status).toBe(409);
    // The audit's derived body C (GroupsResource.scala:195-201@v1.5.1).
    expect(e.raw).toEqual(JSON.parse(derivedBlocks()[1]!));
    expect(e.message).toContain("Group /arm-demo is already created. Use PUT to change this group.");
  });

  it("an app-locked 409 keeps deployments: [{id}]; force supersedes", async () => {
    s = await startRunbookCluster();
    const client = new MarathonClient({ instances: s.marathonUrls });
    const first = await client.postGroup(basic);
    s.clock.advance(0);
    const changed = structuredClone(basic);
    changed.groups[0]!.apps[0]!.instances = 3;
    const e = await failure<MarathonApiError>(client.putGroup("/arm-demo", changed));
    expect(e.status).toBe(409);
    expect(e.deploymentIds).toEqual([first.data.deploymentId]);
    expect(e.body.message).toBe(JSON.parse(derivedBlocks()[2]!).message);
    const forced = await client.putGroup("/arm-demo", changed, { force: true });
    expect(forced.data.deploymentId).not.toBe(first.data.deploymentId);
  });

  it("a 422 keeps details: [{path, errors}] as Marathon sent them", async () => {
    s = await startRunbookCluster();
    const lowCpu = structuredClone(basic);
    lowCpu.groups[0]!.apps[0]!.cpus = 0;
    const e = await failure<MarathonApiError>(new MarathonClient({ instances: s.marathonUrls }).postGroup(lowCpu));
    expect(e.status).toBe(422);
    // cpus minimum 0.001 → error.min at the body path (notes §5, §9).
    expect(e.details).toEqual([{ path: "/groups(0)/apps(0)/cpus", errors: ["error.min"] }]);
    expect(e.body.message).toBe("Invalid JSON");
  });

  it("follows a deployment: listed with its step, then groups, tasks and queue parse", async () => {
    s = await startRunbookCluster();
    const client = new MarathonClient({ instances: s.marathonUrls });
    const posted = await client.postGroup(basic);
    s.clock.advance(0);
    const deps = await client.deployments();
    const d = deps.data.find((x) => x.id === posted.data.deploymentId)!;
    expect(d.totalSteps).toBe(d.steps.length);
    expect(d.currentStep).toBeGreaterThanOrEqual(1);
    s.clock.advance(60_000);
    const g = await client.group("/arm-demo");
    const apps = g.data.groups!.flatMap((x) => x.apps ?? []);
    expect(apps.map((a) => a.id).sort()).toEqual(["/arm-demo/group1/ubuntu1", "/arm-demo/group2/ubuntu2"]);
    expect((await client.tasks()).data.tasks).toHaveLength(4);
    expect((await client.queue({ lastUnusedOffers: true })).data.queue).toEqual([]);
    const scaled = await client.scaleApp("/arm-demo/group1/ubuntu1", 1);
    expect(scaled.data.deploymentId).toBeTruthy();
  });

  it("ids that could change the request path are refused before any request", async () => {
    const client = new MarathonClient({ instances: ["http://127.0.0.1:1"] });
    expect(() => client.group("/arm-demo/../../v2/leader")).toThrow(/not a Marathon id/);
    expect(() => client.deleteApp("/a?force=true")).toThrow(/not a Marathon id/);
    await expect(client.deleteDeployment("x/../y")).rejects.toThrow(/not a deployment id/);
  });
});
