import { afterEach, describe, expect, it } from "vitest";
import { readFixture } from "../../standin/testing/shape";
import { startStandin, type Standin } from "../../standin/server";
import basic from "../../standin/fixtures/basic.json" with { type: "json" };
import { createMarathonEventParser, type MarathonEvent } from "./marathonEvents.ts";
import { MarathonClient } from "./marathonClient.ts";
import { openMarathonEventStream } from "./marathonEventStream.ts";

let s: Standin | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

describe("Marathon /v2/events parser", () => {
  it("reads Marathon's events.txt sample, with CRLF as the real server ends lines, in any chunking", () => {
    const text = readFixture("reference/events.txt");
    const crlf = text.replace(/\r?\n/g, "\r\n");
    // Expected from the file itself: one event per `event:` line, the data line's JSON after it.
    const lines = text.split(/\r?\n/);
    const expected = lines.flatMap((l, i) => (l.startsWith("event: ") ? [{ type: l.slice(7), data: JSON.parse(lines[i + 1]!.slice(6)) }] : []));
    expect(expected.length).toBeGreaterThan(1);
    for (const chunkSize of [1, 7, crlf.length]) {
      const got: MarathonEvent[] = [];
      const p = createMarathonEventParser((e) => got.push(e));
      for (let i = 0; i < crlf.length; i += chunkSize) p.feed(crlf.slice(i, i + chunkSize));
      expect(got.map((e) => e.eventType)).toEqual(expected.map((e) => e.type));
      const status = got.filter((e) => e.eventType === "status_update_event");
      expect(status.map((e) => e.taskId)).toEqual(expected.filter((e) => e.type === "status_update_event").map((e) => e.data.taskId));
      expect(status.map((e) => e.taskStatus)).toEqual(expected.filter((e) => e.type === "status_update_event").map((e) => e.data.taskStatus));
    }
  });

  it("a bare CRLF heartbeat is no event; an unmodelled type is kept as 'other'", () => {
    const got: MarathonEvent[] = [];
    const p = createMarathonEventParser((e) => got.push(e));
    p.feed('\r\n\r\nevent: scheduler_registered_event\r\ndata: {"frameworkId":"f","master":"m","eventType":"scheduler_registered_event","timestamp":"t"}\r\n\r\n');
    expect(got).toEqual([{ eventType: "other", type: "scheduler_registered_event", raw: { frameworkId: "f", master: "m", eventType: "scheduler_registered_event", timestamp: "t" } }]);
  });

  it("the stand-in's live stream for basic.json parses into typed deployment and task events", async () => {
    s = await startStandin({ timing: { allocationIntervalMs: 20, taskRunningAfterMs: 20, healthyAfterMs: 20, killAfterMs: 20 } });
    s.control.addAgent({ hostname: "a1", cpus: 4, mem: 8192, disk: 20000 });
    s.control.addAgent({ hostname: "a2", cpus: 4, mem: 8192, disk: 20000 });
    const got: MarathonEvent[] = [];
    const stream = openMarathonEventStream({ instance: s.marathonUrls[0]!, onEvent: (e) => got.push(e) });
    const until = async (fn: () => boolean) => {
      for (let i = 0; i < 300 && !fn(); i++) await new Promise((r) => setTimeout(r, 20));
    };
    await until(() => got.some((e) => e.eventType === "event_stream_attached"));
    const posted = await new MarathonClient({ instances: s.marathonUrls }).postGroup(basic);
    await until(() => got.some((e) => e.eventType === "deployment_success"));
    stream.close();
    expect(await stream.ended).toBeNull();
    expect(got.filter((e) => e.eventType === "unreadable")).toEqual([]);
    const success = got.find((e) => e.eventType === "deployment_success");
    expect(success && success.eventType === "deployment_success" && success.id).toBe(posted.data.deploymentId);
    const infos = got.filter((e) => e.eventType === "deployment_info");
    expect(infos.length).toBe(3);
    expect(got.filter((e) => e.eventType === "status_update_event" && e.taskStatus === "TASK_RUNNING")).toHaveLength(4);
  });

  it("the stream's end is said in words: no leader, the instance stopped, an event over the cap", async () => {
    s = await startStandin({ marathonPorts: [0, 0], noLeaderWaitMs: 20 });
    s.control.setMarathonLeader(null);
    const noLeader = openMarathonEventStream({ instance: s.marathonUrls[1]!, onEvent: () => undefined });
    expect((await noLeader.ended)?.message).toBe("Marathon has no leader (503)");

    s.control.setMarathonLeader(0);
    let attached!: () => void;
    const isAttached = new Promise<void>((r) => (attached = r));
    const live = openMarathonEventStream({ instance: s.marathonUrls[0]!, onEvent: (e) => e.eventType === "event_stream_attached" && attached() });
    await isAttached;
    await s.control.setMarathon(0, { mode: "refuse" });
    expect((await live.ended)?.message).toBe(`Marathon ${new URL(s.marathonUrls[0]!).host} closed the event stream`);

    await s.control.setMarathon(0, { mode: "up" });
    // The first event (event_stream_attached, ~110 bytes) is already over a 64-byte cap.
    const capped = openMarathonEventStream({ instance: s.marathonUrls[0]!, onEvent: () => undefined, maxEventBytes: 64 });
    expect((await capped.ended)?.kind).toBe("too_large");
  });
});
