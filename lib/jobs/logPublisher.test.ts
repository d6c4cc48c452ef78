import { describe, expect, it } from "vitest";
import { registerPublisher } from "../realtime/publish.ts";
import { publishJobUpdate, publishLogChunk, type JobEvent, type LogChunkEvent } from "./logPublisher.ts";

function recorder() {
  const events: { room: string; event: string; payload: unknown }[] = [];
  registerPublisher({ publish: (room, event, payload) => void events.push({ room, event, payload }), disconnect: () => undefined });
  return events;
}

const tick = () => new Promise((r) => setImmediate(r));
const job = (id: string): JobEvent => ({ id, planRunId: "p1", status: "succeeded", exitCode: 0, logSize: 6, note: null, failure: null, startedAt: null, finishedAt: null } as JobEvent);

describe("log chunks reaching browsers", () => {
  it("sends the chunks of one event-loop turn as one event, bytes in order and offset-true", async () => {
    const events = recorder();
    publishLogChunk("j1", { offset: 0, at: 1, data: Buffer.from("ab") });
    publishLogChunk("j1", { offset: 2, at: 2, data: Buffer.from("cd") });
    publishLogChunk("j2", { offset: 10, at: 3, data: Buffer.from("x") });
    expect(events).toEqual([]);
    await tick();
    const chunks = events.map((e) => [e.room, (e.payload as LogChunkEvent).offset, (e.payload as LogChunkEvent).data.toString()]);
    expect(chunks).toEqual([
      ["job:j1", 0, "abcd"],
      ["job:j2", 10, "x"],
    ]);
    publishLogChunk("j1", { offset: 4, at: 4, data: Buffer.from("ef") });
    await tick();
    expect((events.at(-1)!.payload as LogChunkEvent).offset).toBe(4);
  });

  it("sends a job's last bytes before its new state", () => {
    const events = recorder();
    publishLogChunk("j3", { offset: 0, at: 1, data: Buffer.from("last line\n") });
    publishJobUpdate(job("j3"));
    expect(events.map((e) => `${e.room} ${e.event}`)).toEqual(["job:j3 log:chunk", "job:j3 job:update", "plan:p1 job:update"]);
  });
});
