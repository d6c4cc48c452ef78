import { describe, expect, it } from "vitest";
import { marathonEventEndpoint } from "./marathonEventEndpoint.ts";

describe("marathonEventEndpoint.pick", () => {
  const registered = ["http://m1.example.com:8080", "http://m2.example.com:8080", "http://m3.example.com:8080"];
  const endpoint = marathonEventEndpoint(registered);

  it("subscribes to the leader a poll named when it is registered, then to the others in turn", () => {
    expect([0, 1, 2, 3].map((a) => endpoint.pick("http://M2.example.com:8080", a))).toEqual([registered[1], registered[0], registered[2], registered[1]]);
  });

  it("never subscribes to a leader that is not registered: the registered instances in order", () => {
    expect([0, 1, 2].map((a) => endpoint.pick("http://evil.example.net:8080", a))).toEqual(registered);
    expect(endpoint.pick(null, 4)).toBe(registered[1]);
  });
});
