import { describe, expect, it } from "vitest";
import { LeaderAllowList, leadersNamedIn, resolveRedirect } from "./mesosLeader.ts";
import { mesosStateSchema } from "./mesosSchemas.ts";

describe("which Mesos redirects may be followed", () => {
  it("a scheme-less Location resolves against the asking master's scheme", () => {
    expect(resolveRedirect("//m2.example.com:5050/master/state?jsonp=x", "https://m1.example.com:5050/master/state")?.toString()).toBe("https://m2.example.com:5050/master/state?jsonp=x");
    expect(resolveRedirect("javascript:alert(1)", "http://m1:5050/")).toBeNull();
  });

  it("registered masters and leaders named in /master/state (leader_info and the pid) are allowed, nothing else", () => {
    const allow = new LeaderAllowList(["http://m1.example.com:5050", "http://192.0.2.2:5050"]);
    expect(allow.allows("http://M1.example.com:5050/master/state")).toBe(true);
    expect(allow.allows("http://m3.example.com:5050/")).toBe(false);
    expect(allow.allows("http://m1.example.com:5051/")).toBe(false);
    // The 1.4 shape: leader_info {hostname, port} and the deprecated pid (state-fields.md §1).
    const state = mesosStateSchema.parse({ id: "c", leader: "master@192.0.2.3:5050", leader_info: { id: "c", pid: "master@192.0.2.3:5050", hostname: "m3.example.com", port: 5050 } });
    expect(leadersNamedIn(state)).toEqual(["m3.example.com:5050", "192.0.2.3:5050"]);
    allow.learnFrom(state);
    expect(allow.allows("http://m3.example.com:5050/")).toBe(true);
    expect(allow.allows("http://192.0.2.3:5050/")).toBe(true);
    expect(allow.allows("http://evil.example.com:5050/")).toBe(false);
  });
});
