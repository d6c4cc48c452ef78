import { describe, expect, it } from "vitest";
import { AFTER_SIGN_IN, safeNextPath } from "./safeNextPath.ts";

const ORIGIN = "http://127.0.0.1:3000";

describe("safeNextPath", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeNextPath("/settings/tokens", ORIGIN)).toBe("/settings/tokens");
    expect(safeNextPath("/runs/abc?job=x#L3-L9", ORIGIN)).toBe("/runs/abc?job=x#L3-L9");
    expect(safeNextPath(`${ORIGIN}/cluster`, ORIGIN)).toBe("/cluster");
  });

  it("falls back to the dashboard without a next", () => {
    expect(safeNextPath(null, ORIGIN)).toBe(AFTER_SIGN_IN);
    expect(safeNextPath("", ORIGIN)).toBe(AFTER_SIGN_IN);
  });

  const hostile = [
    "//evil.example/",
    "/\\evil.example/phish",
    "/\\127.0.0.2:3499/phish", // what /login?next=/%5C127.0.0.2:3499/phish hands the form
    "\\\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "/.//evil.example",
    "/./\\evil.example",
    "http://evil.example/",
    "https://127.0.0.1:3000/", // another origin: same host, other scheme
    "http://127.0.0.1:3001/nodes",
    "http:evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//127.0.0.1:3000@evil.example/",
    "http://127.0.0.1:3000@evil.example/",
  ];
  for (const next of hostile) {
    it(`never leaves the origin for ${JSON.stringify(next)}`, () => {
      const target = safeNextPath(next, ORIGIN);
      // What the browser does with it: location.assign resolves it against the page's URL.
      expect(new URL(target, `${ORIGIN}/login`).origin).toBe(ORIGIN);
      expect(target.startsWith("/") && !target.startsWith("//")).toBe(true);
    });
  }
});
