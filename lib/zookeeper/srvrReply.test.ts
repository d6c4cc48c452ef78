import { describe, expect, it } from "vitest";
import { parseSrvr, SrvrParseError } from "./srvrReply.ts";

// Replies as four-letter-words.md gives them: the 3.4.8 follower example (derived from the code,
// verbatim from the reference), the not-serving line and 3.5+'s whitelist refusal (verbatim strings).

const FOLLOWER_348 = `Zookeeper version: 3.4.8--1, built on 02/06/2016 03:18 GMT
Latency min/avg/max: 0/0/12
Received: 1043
Sent: 1042
Connections: 3
Outstanding: 0
Zxid: 0x100000012
Mode: follower
Node count: 27
`;

// 3.8 as the reference describes it (not captured): avg latency a double, the leader's proposal
// sizes line; the integration test parses the real 3.8.0 of the test hosts.
const LEADER_38 = `Zookeeper version: 3.8.0-5a02a05eddb59aee6ac762f7ea82e92a68eb9c0f, built on 2022-02-25 08:49 UTC
Latency min/avg/max: 0/0.5/3
Received: 20
Sent: 19
Connections: 2
Outstanding: 0
Zxid: 0x200000004
Mode: leader
Node count: 9
Proposal sizes last/min/max: 48/48/112
`;

describe("parseSrvr", () => {
  it("reads a 3.4.8 follower", () => {
    expect(parseSrvr(FOLLOWER_348)).toEqual({ serving: true, version: "3.4.8--1, built on 02/06/2016 03:18 GMT", mode: "follower", zxid: "0x100000012", nodeCount: 27, connections: 3 });
  });

  it("reads a 3.8 leader with its extra line", () => {
    expect(parseSrvr(LEADER_38)).toMatchObject({ serving: true, mode: "leader", nodeCount: 9 });
  });

  it("reads a standalone server", () => {
    expect(parseSrvr(FOLLOWER_348.replace("Mode: follower", "Mode: standalone"))).toMatchObject({ mode: "standalone" });
  });

  it("tells a server without quorum and a whitelist refusal from garbage", () => {
    expect(parseSrvr("This ZooKeeper instance is not currently serving requests\n")).toEqual({ serving: false, reason: "not_serving", said: "This ZooKeeper instance is not currently serving requests" });
    expect(parseSrvr("srvr is not executed because it is not in the whitelist.\n")).toMatchObject({ serving: false, reason: "not_whitelisted" });
    expect(() => parseSrvr("HTTP/1.1 400 Bad Request\r\n\r\n")).toThrow(SrvrParseError);
    expect(() => parseSrvr(FOLLOWER_348.replace("Mode: follower", "Mode: boss"))).toThrow(/mode/);
  });
});
