import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LogFollower, type FollowSocket } from "./logFollower";

class FakeSocket implements FollowSocket {
  connected = true;
  sent: [string, unknown][] = [];
  private handlers = new Map<string, Set<(...args: any[]) => void>>();
  emit(event: string, payload: unknown) {
    this.sent.push([event, payload]);
  }
  on(event: string, fn: (...args: any[]) => void) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(fn);
  }
  off(event: string, fn: (...args: any[]) => void) {
    this.handlers.get(event)?.delete(fn);
  }
  fire(event: string, payload?: unknown) {
    for (const fn of this.handlers.get(event) ?? []) (fn as (p: unknown) => void)(payload);
  }
  follows() {
    return this.sent.filter(([e]) => e === "log:follow").map(([, p]) => p);
  }
}

const enc = new TextEncoder();
/** As the browser receives it: an ArrayBuffer of exactly the chunk's bytes. */
const chunk = (jobId: string, text: string, offset: number, at = 1) => ({ jobId, offset, at, data: enc.encode(text).buffer });
const all = (f: LogFollower, id: string) => {
  const b = f.buffer(id)!;
  return Array.from({ length: b.lineCount }, (_, i) => b.line(i)).join("\n");
};

describe("LogFollower", () => {
  let socket: FakeSocket;
  let follower: LogFollower;
  beforeEach(() => {
    vi.useFakeTimers();
    socket = new FakeSocket();
    follower = new LogFollower(socket, { gapWaitMs: 500, keepMs: 1000 });
  });
  afterEach(() => {
    follower.dispose();
    vi.useRealTimers();
  });

  it("follows from 0 and keeps live chunks that overtake the replay until it catches up", () => {
    const changed = vi.fn();
    follower.subscribe("j1", 0, changed);
    expect(socket.follows()).toEqual([{ jobId: "j1", offset: 0 }]);
    socket.fire("log:chunk", chunk("j1", "aaaa\n", 0));
    socket.fire("log:chunk", chunk("j1", "live\n", 15)); // published while the replay runs
    socket.fire("log:chunk", chunk("j1", "bbbb\n", 5));
    vi.advanceTimersByTime(400);
    socket.fire("log:chunk", chunk("j1", "cccc\n", 10));
    socket.fire("log:chunk", chunk("j1", "live\n", 15)); // ...and replayed too
    vi.advanceTimersByTime(5000);
    expect(all(follower, "j1")).toBe("aaaa\nbbbb\ncccc\nlive");
    expect(socket.follows()).toHaveLength(1); // the replay closed the gap: no second request
    expect(changed).toHaveBeenCalledTimes(3);
  });

  it("asks again from what it has when a gap stays open", () => {
    follower.subscribe("j1", 0, () => undefined);
    socket.fire("log:chunk", chunk("j1", "one\n", 0));
    socket.fire("log:chunk", chunk("j1", "three\n", 8));
    vi.advanceTimersByTime(499);
    expect(socket.follows()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(socket.follows()).toEqual([
      { jobId: "j1", offset: 0 },
      { jobId: "j1", offset: 4 },
    ]);
    socket.fire("log:chunk", chunk("j1", "two\nthree\n", 4));
    expect(all(follower, "j1")).toBe("one\ntwo\nthree");
  });

  it("resumes after a reconnect from its next byte, with no gap and no duplicate", () => {
    follower.subscribe("j1", 0, () => undefined);
    socket.fire("log:chunk", chunk("j1", "one\ntw", 0));
    socket.connected = false;
    socket.fire("disconnect");
    socket.connected = true;
    socket.fire("connect");
    expect(socket.follows().at(-1)).toEqual({ jobId: "j1", offset: 6 });
    socket.fire("log:chunk", chunk("j1", "one\ntwo\n", 0)); // a server that replays too much
    socket.fire("log:chunk", chunk("j1", "o\nthree", 6));
    expect(all(follower, "j1")).toBe("one\ntwo\nthree");
  });

  it("waits for the connection before the first follow", () => {
    socket.connected = false;
    follower.subscribe("j1", 0, () => undefined);
    expect(socket.follows()).toEqual([]);
    socket.connected = true;
    socket.fire("connect");
    expect(socket.follows()).toEqual([{ jobId: "j1", offset: 0 }]);
  });

  it("shares a job between subscribers and unfollows a while after the last one leaves", () => {
    const off1 = follower.subscribe("j1", 0, () => undefined);
    const off2 = follower.subscribe("j1", 0, () => undefined);
    off1();
    off2();
    vi.advanceTimersByTime(500);
    const again = follower.subscribe("j1", 0, () => undefined); // switched back quickly: kept
    expect(socket.follows()).toHaveLength(1);
    again();
    vi.advanceTimersByTime(1000);
    expect(socket.sent.at(-1)).toEqual(["log:unfollow", { jobId: "j1" }]);
    expect(follower.buffer("j1")).toBeNull();
    socket.fire("log:chunk", chunk("j1", "late\n", 0)); // ignored
  });

  it("starts over when a subscriber needs earlier bytes than a tail follower holds", () => {
    follower.subscribe("j1", 100, () => undefined);
    expect(socket.follows()).toEqual([{ jobId: "j1", offset: 100 }]);
    socket.fire("log:chunk", chunk("j1", "tail", 100));
    follower.subscribe("j1", 0, () => undefined);
    expect(socket.follows().at(-1)).toEqual({ jobId: "j1", offset: 0 });
    expect(follower.buffer("j1")!.bytes).toBe(0);
  });

  it("reports a server error for the job", () => {
    const changed = vi.fn();
    follower.subscribe("j1", 0, changed);
    socket.fire("log:error", { jobId: "j1", message: "No such job" });
    expect(follower.error("j1")).toBe("No such job");
    expect(changed).toHaveBeenCalled();
  });
});
