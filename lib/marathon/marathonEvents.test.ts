import { afterEach, describe, expect, it } from "vitest";
import http from "node:http";
import { readFixture } from "../../standin/testing/shape";
import { startStandin, type Standin } from "../../standin/server";
import basic from "../../standin/fixtures/basic.json" with { type: "json" };
import { createMarathonEventParser, type MarathonEvent } from "./marathonEvents.ts";
import { MarathonClient } from "./marathonClient.ts";

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
    const parser = createMarathonEventParser((e) => got.push(e));
    const req = http.get(`${s.marathonUrls[0]}/v2/events`, { headers: { Accept: "text/event-stream" } }, (res) => {
      res.setEncoding("utf8");
      res.on("data", (c: string) => parser.feed(c));
    });
    req.on("error", () => undefined);
    const until = async (fn: () => boolean) => {
      for (let i = 0; i < 300 && !fn(); i++) await new Promise((r) => setTimeout(r, 20));
    };
    await until(() => got.some((e) => e.eventType === "event_stream_attached"));
    const posted = await new MarathonClient({ instances: s.marathonUrls }).postGroup(basic);
    await until(() => got.some((e) => e.eventType === "deployment_success"));
    req.destroy();
    expect(got.filter((e) => e.eventType === "unreadable")).toEqual([]);
    const success = got.find((e) => e.eventType === "deployment_success");
    expect(success && success.eventType === "deployment_success" && success.id).toBe(posted.data.deploymentId);
    const infos = got.filter((e) => e.eventType === "deployment_info");
    expect(infos.length).toBe(3);
    expect(got.filter((e) => e.eventType === "status_update_event" && e.taskStatus === "TASK_RUNNING")).toHaveLength(4);
  });
});
