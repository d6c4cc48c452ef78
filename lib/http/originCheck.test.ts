import { describe, expect, it } from "vitest";
import { checkOrigin, ownOrigin } from "./originCheck";

const own = ownOrigin("http", "127.0.0.1:3000");

describe("checkOrigin", () => {
  it("accepts exactly our origin", () => {
    expect(checkOrigin("http://127.0.0.1:3000", own)).toBe("same");
    expect(checkOrigin("https://dash.example", ownOrigin("https", "dash.example:443"))).toBe("same");
  });

  it("leaves a missing Origin to the caller", () => {
    expect(checkOrigin(undefined, own)).toBe("missing");
    expect(checkOrigin(null, own)).toBe("missing");
    expect(checkOrigin("", own)).toBe("missing");
  });

  it.each([
    ["an opaque origin", "null"],
    ["garbage", "::not a url::"],
    ["another host", "http://evil.example"],
    ["same host, other port", "http://127.0.0.1:3001"],
    ["same host, other scheme", "https://127.0.0.1:3000"],
    ["a path after our origin", "http://127.0.0.1:3000/x"],
    ["a trailing slash", "http://127.0.0.1:3000/"],
    ["our host as a suffix", "http://127.0.0.1:3000.evil.example"],
  ])("refuses %s without throwing", (_, origin) => {
    expect(checkOrigin(origin, own)).toBe("foreign");
  });

  it("refuses everything when our own Host is unknown", () => {
    expect(checkOrigin("http://", ownOrigin("http", undefined))).toBe("foreign");
  });
});
