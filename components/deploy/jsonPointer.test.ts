import { describe, expect, it } from "vitest";
import { getAt, parsePointer, setAt, toPointer, type Json } from "./jsonPointer";

describe("jsonPointer", () => {
  it("escapes ~ and / both ways (RFC 6901)", () => {
    expect(toPointer(["a/b", "m~n", 0])).toBe("/a~1b/m~0n/0");
    expect(parsePointer("/a~1b/m~0n/0")).toEqual(["a/b", "m~n", "0"]);
    expect(parsePointer("")).toEqual([]);
  });

  it("sets a known path and keeps every other field, unknown ones included, in place", () => {
    const raw = JSON.parse('{"id":"/g","x-team":{"owner":"ops"},"apps":[{"id":"a","mem":128,"fetch":[{"uri":"u"}],"labels":{"k":"v"}}]}') as Json;
    const next = setAt(raw, "/apps/0/mem", 256);
    expect(JSON.stringify(next)).toBe('{"id":"/g","x-team":{"owner":"ops"},"apps":[{"id":"a","mem":256,"fetch":[{"uri":"u"}],"labels":{"k":"v"}}]}');
    // The input is not changed.
    expect(getAt(raw, "/apps/0/mem")).toBe(128);
  });

  it("makes missing containers (an array for an index) and removes on undefined", () => {
    const next = setAt({ id: "a" }, "/container/docker/parameters/0/key", "hostname");
    expect(next).toEqual({ id: "a", container: { docker: { parameters: [{ key: "hostname" }] } } });
    expect(setAt(next, "/container", undefined)).toEqual({ id: "a" });
    expect(setAt({ l: [1, 2, 3] }, "/l/1", undefined)).toEqual({ l: [1, 3] });
  });
});
